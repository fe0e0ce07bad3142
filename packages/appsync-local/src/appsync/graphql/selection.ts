/**
 * Selection sets as AppSync hands them to resolvers (`ctx.info`) and to subscribers:
 * - `selectionSetList`: paths with `/`, aliases win, fragments flattened, only the fields of the
 *   field's own type (for interfaces, the interface's fields; for unions, none);
 * - `selectionSetGraphQL`: the field's selection set as written (fragments are not merged), followed
 *   by the definitions of the named fragments it spreads;
 * - `unaliased`: a field's result re-keyed by field names, as a mutation publishes it.
 */
import {
  Kind,
  type OperationDefinitionNode,
  getNamedType,
  isInterfaceType,
  isObjectType,
  print,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;

function fieldsOf(type: GraphQLNamedType) {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}

/** Every field node of a selection set, fragments flattened (type conditions are not evaluated). */
function* flatFields(selectionSet: SelectionSetNode | undefined, fragments: Fragments, seen = new Set<string>()): Generator<FieldNode> {
  for (const sel of selectionSet?.selections ?? []) {
    if (sel.kind === Kind.FIELD) yield sel;
    else if (sel.kind === Kind.INLINE_FRAGMENT) yield* flatFields(sel.selectionSet, fragments, seen);
    else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      yield* flatFields(fragments[sel.name.value]?.selectionSet, fragments, seen);
    }
  }
}

export function selectionSetList(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  fieldNodes: readonly FieldNode[],
  fragments: Fragments,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (t: GraphQLNamedType, selectionSet: SelectionSetNode | undefined, prefix: string) => {
    const fields = fieldsOf(t);
    for (const node of flatFields(selectionSet, fragments)) {
      const def = fields[node.name.value];
      if (!def) continue;
      const path = `${prefix}${node.alias?.value ?? node.name.value}`;
      if (!seen.has(path)) {
        seen.add(path);
        out.push(path);
      }
      if (node.selectionSet) walk(getNamedType(def.type), node.selectionSet, `${path}/`);
    }
  };
  for (const node of fieldNodes) walk(type, node.selectionSet, '');
  void schema;
  return out;
}

export function selectionSetGraphQL(fieldNodes: readonly FieldNode[], fragments: Fragments): string {
  const parts: string[] = [];
  const used = new Set<string>();
  const collect = (selectionSet: SelectionSetNode | undefined) => {
    for (const sel of selectionSet?.selections ?? []) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        if (used.has(sel.name.value)) continue;
        used.add(sel.name.value);
        collect(fragments[sel.name.value]?.selectionSet);
      } else collect(sel.selectionSet);
    }
  };
  for (const node of fieldNodes) {
    if (!node.selectionSet) continue;
    parts.push(print(node.selectionSet));
    collect(node.selectionSet);
  }
  for (const name of used) if (fragments[name]) parts.push(print(fragments[name]));
  return parts.join('\n\n');
}

/**
 * A field's completed value re-keyed from response keys (aliases) to field names, keeping only what
 * the selection asked for: the payload a mutation publishes to its subscribers.
 */
export function unaliased(value: unknown, type: GraphQLNamedType, selectionSet: SelectionSetNode | undefined, fragments: Fragments): unknown {
  if (value === null || value === undefined || !selectionSet) return value;
  if (Array.isArray(value)) return value.map((v) => unaliased(v, type, selectionSet, fragments));
  if (typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const fields = fieldsOf(type);
  const out: Record<string, unknown> = {};
  for (const node of flatFields(selectionSet, fragments)) {
    const key = node.alias?.value ?? node.name.value;
    if (!(key in source)) continue;
    const def = fields[node.name.value];
    out[node.name.value] = def ? unaliased(source[key], getNamedType(def.type), node.selectionSet, fragments) : source[key];
  }
  return out;
}

/**
 * `util.error(msg, type, data)`: AppSync filters `data` by the field's selection set (response keys,
 * nested selections applied; scalars and unselected keys dropped).
 */
export function projectToSelection(value: unknown, fieldNodes: readonly FieldNode[], fragments: Fragments): unknown {
  const project = (v: unknown, selectionSets: (SelectionSetNode | undefined)[]): unknown => {
    if (v === null || v === undefined) return null;
    if (Array.isArray(v)) return v.map((item) => project(item, selectionSets));
    if (typeof v !== 'object') return v;
    const source = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const set of selectionSets) {
      for (const node of flatFields(set, fragments)) {
        const key = node.alias?.value ?? node.name.value;
        if (!(node.name.value in source) || key in out) continue;
        out[key] = node.selectionSet ? project(source[node.name.value], [node.selectionSet]) : source[node.name.value];
      }
    }
    return out;
  };
  if (fieldNodes.every((n) => !n.selectionSet)) return value ?? null;
  return project(value, fieldNodes.map((n) => n.selectionSet));
}

/** The top-level fields of an operation, fragments and inline fragments flattened (no `__typename`). */
export function topLevelFields(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const out: FieldNode[] = [];
  const walk = (selections: OperationDefinitionNode['selectionSet']['selections']) => {
    for (const sel of selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value !== '__typename') out.push(sel);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet.selections);
      else {
        const f = fragments[sel.name.value];
        if (f) walk(f.selectionSet.selections);
      }
    }
  };
  walk(operation.selectionSet.selections);
  return out;
}
