/**
 * Shapes a mutation's result for one subscriber, as AppSync does (docs/local-runtime.md, "Subscriptions"):
 * - the subscriber receives the **mutation's own selection-set result**, re-shaped by the
 *   subscriber's selection set: aliases, fragments, `@include`/`@skip` apply; fields the mutation did
 *   not select arrive null, and a null in a non-null position is an error that nulls the nearest
 *   nullable parent (the usual GraphQL rule, with AppSync's wording); nested resolvers never run;
 * - field-level auth: a field the subscriber's auth mode may not read (its `@aws_*` directives, or a
 *   Lambda authorizer's `deniedFields`) arrives null with an `Unauthorized` error, the way AppSync
 *   answers a query, and the way AppSync is seen to deliver subscription payloads whose fields are
 *   protected from the subscriber (Amplify DataStore users report "Not Authorized to access <field> on
 *   type <Type>" errors next to the data of subscription events). This is our reading: AWS documents
 *   no subscription-specific rule.
 * A selection set is compiled once per subscription into a plan; subscribers whose plans are equal
 * share one serialization per publication (the plan's JSON is the key).
 */
import {
  Kind,
  isAbstractType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { AppSyncErrorEntry, AuthResult } from '../types.ts';
import type { FieldAuthorizer } from '../graphql/authz.ts';


/** An output type, reduced to what shaping needs. */
export type TypeShape =
  | { k: 'nn'; of: TypeShape }
  | { k: 'list'; of: TypeShape }
  | { k: 'named'; name: string | null; composite: boolean };

export interface PlanField {
  key: string;
  name: string;
  type: TypeShape;
  /** Field-level auth for this subscriber. */
  allowed: boolean;
  /** The parent type the field was read on (for messages). */
  parent: string | null;
  /** Type condition of the fragment it came from; null when it always applies. */
  on: string | null;
  line: number;
  column: number;
  children: PlanField[] | null;
}

export interface Plan {
  rootKey: string;
  root: PlanField;
  /**
   * The schema the plan was compiled against (fragment applicability on abstract types, runtime
   * types). Not enumerable: two plans that shape payloads alike serialize alike (the hub's plan key).
   */
  readonly schema?: GraphQLSchema | undefined;
}

const UNKNOWN: TypeShape = { k: 'named', name: null, composite: false };

function typeShape(type: GraphQLOutputType | undefined): TypeShape {
  if (!type) return UNKNOWN;
  if (isNonNullType(type)) return { k: 'nn', of: typeShape(type.ofType) };
  if (isListType(type)) return { k: 'list', of: typeShape(type.ofType) };
  return { k: 'named', name: type.name, composite: isCompositeType(type) };
}

function namedOf(t: TypeShape): { name: string | null; composite: boolean } {
  return t.k === 'named' ? t : namedOf(t.of);
}

/** Prints a type as AppSync's error messages do (`'String'`, `'[ID!]'`). */
function typeName(t: TypeShape): string {
  if (t.k === 'nn') return `${typeName(t.of)}!`;
  if (t.k === 'list') return `[${typeName(t.of)}]`;
  return t.name ?? 'Unknown';
}

function included(node: { directives?: readonly import('graphql').DirectiveNode[] }, variables: Record<string, unknown>): boolean {
  for (const d of node.directives ?? []) {
    if (d.name.value !== 'include' && d.name.value !== 'skip') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'if');
    const value = arg ? valueFromASTUntyped(arg.value, variables) : undefined;
    if (d.name.value === 'include' && value !== true) return false;
    if (d.name.value === 'skip' && value === true) return false;
  }
  return true;
}

export interface CompileInput {
  document: DocumentNode;
  variables: Record<string, unknown>;
  subscriptionField: string;
  auth: AuthResult;
  schema?: GraphQLSchema | undefined;
  authorizer?: FieldAuthorizer | undefined;
}

/** Compiles the subscriber's selection set for the subscription field into a plan. */
export function compilePlan(input: CompileInput): Plan {
  const { document, variables, schema, authorizer, auth } = input;
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION && def.operation === 'subscription' && !operation) operation = def;
  }
  if (!operation) throw new Error('The document has no subscription operation.');

  const compositeType = (name: string | null) => (name && schema ? schema.getType(name) : undefined);

  const fieldsOf = (
    selectionSet: SelectionSetNode,
    parent: string | null,
    on: string | null,
    out: { node: FieldNode; parent: string | null; on: string | null }[],
    seenFragments: Set<string>,
  ): void => {
    for (const sel of selectionSet.selections) {
      if (!included(sel, variables)) continue;
      if (sel.kind === Kind.FIELD) {
        out.push({ node: sel, parent, on });
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition?.name.value ?? null;
        const applies = cond === null || cond === parent;
        fieldsOf(sel.selectionSet, cond ?? parent, applies ? on : cond, out, seenFragments);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || seenFragments.has(name)) continue;
        const next = new Set(seenFragments).add(name);
        const cond = frag.typeCondition.name.value;
        fieldsOf(frag.selectionSet, cond, cond === parent ? on : cond, out, next);
      }
    }
  };

  const build = (selectionSets: SelectionSetNode[], parent: string | null): PlanField[] => {
    const collected: { node: FieldNode; parent: string | null; on: string | null }[] = [];
    for (const ss of selectionSets) fieldsOf(ss, parent, null, collected, new Set());
    // Merge fields with the same response key and condition (GraphQL field collection).
    const merged = new Map<string, { first: (typeof collected)[number]; sets: SelectionSetNode[] }>();
    for (const c of collected) {
      const key = `${c.on ?? ''}|${c.node.alias?.value ?? c.node.name.value}`;
      const entry = merged.get(key);
      if (entry) {
        if (c.node.selectionSet) entry.sets.push(c.node.selectionSet);
      } else {
        merged.set(key, { first: c, sets: c.node.selectionSet ? [c.node.selectionSet] : [] });
      }
    }
    const fields: PlanField[] = [];
    for (const { first, sets } of merged.values()) {
      const name = first.node.name.value;
      const owner = first.on ?? first.parent;
      const ownerType = compositeType(owner);
      let type: TypeShape = UNKNOWN;
      if (name === '__typename') type = { k: 'nn', of: { k: 'named', name: 'String', composite: false } };
      else if (ownerType && (isObjectType(ownerType) || 'getFields' in ownerType)) {
        const def = (ownerType as import('graphql').GraphQLObjectType).getFields()[name];
        type = typeShape(def?.type);
      }
      const allowed =
        name.startsWith('__') || !authorizer || !owner || !isObjectType(ownerType) ? true : authorizer.allows(owner, name, auth);
      fields.push({
        key: first.node.alias?.value ?? name,
        name,
        type,
        allowed,
        parent: owner,
        on: first.on,
        line: first.node.loc?.startToken.line ?? 0,
        column: first.node.loc?.startToken.column ?? 0,
        children: sets.length > 0 ? build(sets, namedOf(type).name) : null,
      });
    }
    return fields;
  };

  const rootFields: { node: FieldNode; parent: string | null; on: string | null }[] = [];
  fieldsOf(operation.selectionSet, schema?.getSubscriptionType()?.name ?? 'Subscription', null, rootFields, new Set());
  const rootNode = rootFields.find((f) => f.node.name.value === input.subscriptionField)?.node ?? rootFields[0]?.node;
  if (!rootNode) throw new Error('The subscription selects no field.');
  const subscriptionType = schema?.getSubscriptionType();
  const rootDef = subscriptionType?.getFields()[rootNode.name.value];
  const rootType = typeShape(rootDef?.type);
  const root: PlanField = {
    key: rootNode.alias?.value ?? rootNode.name.value,
    name: rootNode.name.value,
    type: rootType,
    allowed: true,
    parent: subscriptionType?.name ?? 'Subscription',
    on: null,
    line: rootNode.loc?.startToken.line ?? 0,
    column: rootNode.loc?.startToken.column ?? 0,
    children: rootNode.selectionSet ? build([rootNode.selectionSet], namedOf(rootType).name) : null,
  };
  const plan: Plan = { rootKey: root.key, root };
  Object.defineProperty(plan, 'schema', { value: schema, enumerable: false });
  return plan;
}

const INVALID = Symbol('non-null violated here');
const PROPAGATED = Symbol('null from a non-null violation below');
type Completed = unknown;

export interface ShapedPayload {
  data: Record<string, unknown>;
  errors?: AppSyncErrorEntry[];
}

/** Applies a plan to the mutation's result. The plan's schema decides fragment applicability on abstract types. */
export function shapePayload(plan: Plan, result: unknown): ShapedPayload {
  const schema = plan.schema;
  const errors: AppSyncErrorEntry[] = [];
  const fieldError = (f: PlanField, path: (string | number)[], message: string, errorType: string | null) =>
    errors.push({
      path,
      data: null,
      errorType,
      errorInfo: null,
      locations: f.line ? [{ line: f.line, column: f.column, sourceName: null }] : null,
      message,
    });

  const applies = (f: PlanField, runtimeType: string | null): boolean => {
    if (f.on === null || runtimeType === null || f.on === runtimeType) return true;
    if (!schema) return false;
    const cond = schema.getType(f.on);
    const obj = schema.getType(runtimeType);
    return !!cond && !!obj && isAbstractType(cond) && isObjectType(obj) && schema.isSubType(cond, obj);
  };

  const complete = (f: PlanField, type: TypeShape, value: unknown, path: (string | number)[]): Completed => {
    if (type.k === 'nn') {
      const r = complete(f, type.of, value, path);
      if (r === INVALID || r === PROPAGATED) return INVALID;
      if (r === null) {
        fieldError(
          f,
          path,
          `Cannot return null for non-nullable type: '${typeName(type.of)}' within parent '${f.parent ?? 'Unknown'}' (/${path.join('/')})`,
          null,
        );
        return INVALID;
      }
      return r;
    }
    if (value === null || value === undefined) return null;
    if (type.k === 'list') {
      if (!Array.isArray(value)) return null;
      const items: unknown[] = [];
      for (let i = 0; i < value.length; i += 1) {
        const r = complete(f, type.of, value[i], [...path, i]);
        if (r === INVALID) return PROPAGATED;
        items.push(r === PROPAGATED ? null : r);
      }
      return items;
    }
    if (f.children === null) {
      // A leaf; an unknown type with an array value (no schema) is passed through as is.
      return value;
    }
    if (Array.isArray(value)) {
      return value.map((v, i) => {
        const r = completeObject(f, f.children!, v, [...path, i], type.name);
        return r === INVALID || r === PROPAGATED ? null : r;
      });
    }
    return completeObject(f, f.children, value, path, type.name);
  };

  const completeObject = (
    _f: PlanField,
    children: PlanField[],
    value: unknown,
    path: (string | number)[],
    staticType: string | null,
  ): Completed => {
    if (value === null || typeof value !== 'object') return null;
    const source = value as Record<string, unknown>;
    const typename = typeof source.__typename === 'string' ? source.__typename : null;
    const runtimeType = typename ?? (staticType && schema && isObjectType(schema.getType(staticType)) ? staticType : typename);
    const out: Record<string, unknown> = {};
    for (const child of children) {
      if (!applies(child, runtimeType)) continue;
      const childPath = [...path, child.key];
      if (child.name === '__typename') {
        out[child.key] = runtimeType ?? staticType;
        continue;
      }
      let raw: unknown = Object.hasOwn(source, child.name) ? source[child.name] : null;
      if (!child.allowed) {
        fieldError(
          child,
          childPath,
          `Not Authorized to access ${child.name} on type ${child.parent ?? runtimeType ?? 'Unknown'}`,
          'Unauthorized',
        );
        raw = null;
        if (child.type.k === 'nn') return PROPAGATED;
      }
      const r = complete(child, child.type, raw, childPath);
      if (r === INVALID) return PROPAGATED;
      out[child.key] = r === PROPAGATED ? null : r;
    }
    return out;
  };

  const r = complete(plan.root, plan.root.type, result, [plan.rootKey]);
  const rootValue = r === INVALID || r === PROPAGATED ? null : r;
  const payload: ShapedPayload = { data: { [plan.rootKey]: rootValue } };
  if (errors.length > 0) payload.errors = errors;
  return payload;
}
