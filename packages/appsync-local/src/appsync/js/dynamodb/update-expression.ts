/**
 * The `update` object of ddb.update / transactWrite updateItem → an UpdateItem expression, written
 * the way AppSync writes it (docs/conformance.md lists the recorded outputs this follows):
 *
 *   input at path a                      action
 *   plain value, add(v), replace(v)      SET #expName_1 = :expValue_1      (recorded; null → {NULL: null})
 *   increment(n)                         SET #expName_1 = #expName_1 + :expValue_1   (n)
 *   decrement(n)                         SET #expName_1 = #expName_1 - :expValue_1   (n, not −n; recorded)
 *   remove()                             REMOVE #expName_1
 *   append(list) / prepend(list)         SET #a = list_append(#a, :v) / list_append(:v, #a)
 *   plain nested object {b: …}           recurse leaf by leaf: SET #expName_1.#expName_2 = :expValue_1
 *   [updateListItem(v, i), …]            SET #a[i] = :v
 *
 * increment/decrement read the attribute, so on an item without it DynamoDB refuses the update
 * ("The provided expression refers to an attribute that does not exist in the item"), on AWS as here.
 * Placeholders are numbered from 1 in the order attributes and values are met: one `#expName_N` per
 * attribute name (reused when the name comes back, as the recorded decrement shows), one
 * `:expValue_N` per value. Actions keep input order; the SET clause comes before REMOVE.
 * choice: the rows without "recorded" above (remove, append, prepend, nested objects, list items),
 * the numbering when names and values do not pair up one to one, and the clause order, no recorded
 * AWS output.
 */
import type { ExpressionObject } from './filter.ts';
import { isSetValue, MAX_DEPTH, toAttributeValue, type AttributeValue, type MarshalOptions } from './marshal.ts';
import { isUpdateOperation, type UpdateOperation } from './operations.ts';
import type { PathStep } from './placeholders.ts';
import { definedEntries, describe, fail, isPlainObject, setOwn } from './values.ts';

interface Clauses {
  SET: string[];
  REMOVE: string[];
}

/** AppSync's `#expName_N` / `:expValue_N` placeholders, numbered from 1. */
interface Placeholders {
  names: Record<string, string>;
  values: Record<string, AttributeValue>;
  name(attribute: string): string;
  value(value: AttributeValue): string;
}

function createPlaceholders(): Placeholders {
  const names: Record<string, string> = {};
  const byAttribute = new Map<string, string>();
  const values: Record<string, AttributeValue> = {};
  let valueCount = 0;
  return {
    names,
    values,
    name(attribute) {
      const known = byAttribute.get(attribute);
      if (known) return known;
      const placeholder = `#expName_${byAttribute.size + 1}`;
      byAttribute.set(attribute, placeholder);
      setOwn(names, placeholder, attribute);
      return placeholder;
    },
    value(value) {
      valueCount += 1;
      const placeholder = `:expValue_${valueCount}`;
      setOwn(values, placeholder, value);
      return placeholder;
    },
  };
}

function renderPath(placeholders: Placeholders, steps: PathStep[]): string {
  return steps.map((s) => placeholders.name(s.attribute) + s.indexes.map((i) => `[${i}]`).join('')).join('.');
}

interface Walk {
  where: string;
  marshal: MarshalOptions;
  placeholders: Placeholders;
  clauses: Clauses;
}

export function renderUpdate(where: string, update: unknown, marshal: MarshalOptions): ExpressionObject {
  if (!isPlainObject(update) || isUpdateOperation(update)) fail(where, `update must be an object of attributes to change, got ${describe(update)}`);
  const walk: Walk = { where, marshal, placeholders: createPlaceholders(), clauses: { SET: [], REMOVE: [] } };
  walkObject(walk, [], update);
  const expression = (Object.keys(walk.clauses) as (keyof Clauses)[])
    .filter((clause) => walk.clauses[clause].length > 0)
    .map((clause) => `${clause} ${walk.clauses[clause].join(', ')}`)
    .join(' ');
  if (expression === '') fail(where, 'the update changes nothing (no attribute has a value or an operation)');
  return { expression, expressionNames: walk.placeholders.names, expressionValues: walk.placeholders.values };
}

function walkObject(walk: Walk, path: PathStep[], obj: Record<string, unknown>): void {
  if (path.length >= MAX_DEPTH) fail(walk.where, `update is nested more than ${MAX_DEPTH} levels deep (or contains a cycle)`);
  for (const [attribute, value] of definedEntries(obj)) {
    walkValue(walk, [...path, { attribute, indexes: [] }], value);
  }
}

function walkValue(walk: Walk, path: PathStep[], value: unknown): void {
  if (isUpdateOperation(value)) return applyOperation(walk, path, value);
  if (Array.isArray(value) && value.some(isUpdateOperation)) return applyListItems(walk, path, value);
  if (isPlainObject(value) && !(walk.marshal.sets && isSetValue(value))) return walkObject(walk, path, value);
  set(walk, path, value);
}

function valueOf(walk: Walk, path: PathStep[], raw: unknown): AttributeValue {
  const converted = toAttributeValue(`${walk.where} (${path.map((s) => s.attribute).join('.')})`, raw, walk.marshal);
  if (converted === undefined) fail(walk.where, `"${path.map((s) => s.attribute).join('.')}" has no value to write`);
  return converted;
}

function set(walk: Walk, path: PathStep[], raw: unknown): void {
  const { placeholders } = walk;
  walk.clauses.SET.push(`${renderPath(placeholders, path)} = ${placeholders.value(valueOf(walk, path, raw))}`);
}

function applyOperation(walk: Walk, path: PathStep[], op: UpdateOperation): void {
  const { placeholders, clauses } = walk;
  const target = () => renderPath(placeholders, path);
  const value = (raw: unknown) => placeholders.value(valueOf(walk, path, raw));
  switch (op._type) {
    case 'add':
    case 'replace':
      return set(walk, path, op.value);
    case 'remove':
      clauses.REMOVE.push(target());
      return;
    case 'increment':
    case 'decrement': {
      const t = target();
      clauses.SET.push(`${t} = ${t} ${op._type === 'increment' ? '+' : '-'} ${value(op.by)}`);
      return;
    }
    case 'append': {
      const t = target();
      clauses.SET.push(`${t} = list_append(${t}, ${value(op.items)})`);
      return;
    }
    case 'prepend': {
      const t = target();
      clauses.SET.push(`${t} = list_append(${value(op.items)}, ${t})`);
      return;
    }
    case 'updateListItem':
      // Alone (not inside a list) it still means "set element index of this list".
      return applyListItems(walk, path, [op]);
  }
}

function applyListItems(walk: Walk, path: PathStep[], items: unknown[]): void {
  const name = path.map((s) => s.attribute).join('.');
  items.forEach((item, i) => {
    if (!isUpdateOperation(item) || item._type !== 'updateListItem') {
      fail(walk.where, `"${name}" mixes list-item updates with other values (element ${i} is ${describe(item)}); use only operations.updateListItem, or a plain list to replace it`);
    }
    const last = path[path.length - 1];
    set(walk, [...path.slice(0, -1), { attribute: last.attribute, indexes: [...last.indexes, item.index] }], item.value);
  });
}
