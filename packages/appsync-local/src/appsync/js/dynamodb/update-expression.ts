/**
 * The `update` object of ddb.update / transactWrite updateItem → an UpdateItem expression.
 *
 * AWS publishes neither the expressions its helper emits nor its implementation, so this is our
 * mapping, chosen from the developer guide's hand-written examples (`SET #title = :title`,
 * `ADD #version :one`, `list_append`) and kept in this one place:
 *
 *   input at path a                      action
 *   plain value, add(v), replace(v)      SET #a = :a                       (whole value, objects included)
 *   null                                 SET #a = :a  with {NULL: null}
 *   plain nested object {b: …}           recurse leaf by leaf: SET #a.#b = :a_b
 *   remove()                             REMOVE #a
 *   increment(n) / decrement(n)          ADD #a :a  with n / −n            (a missing attribute counts as 0)
 *   append(list) / prepend(list)         SET #a = list_append(#a, :a) / list_append(:a, #a)   (the list must exist)
 *   [updateListItem(v, i), …]            SET #a[i] = :a_i
 *
 * Clauses come in the order SET, REMOVE, ADD; actions within a clause are joined by ", " in input
 * order. Placeholders follow placeholders.ts: `#<attribute>`, `:<path joined by _>`.
 */
import type { ExpressionObject } from './filter.ts';
import { isSetValue, MAX_DEPTH, toAttributeValue, type AttributeValue, type MarshalOptions } from './marshal.ts';
import { isUpdateOperation, type UpdateOperation } from './operations.ts';
import { createPlaceholders, renderPath, type PathStep, type Placeholders } from './placeholders.ts';
import { definedEntries, describe, fail, isPlainObject } from './values.ts';

interface Clauses {
  SET: string[];
  REMOVE: string[];
  ADD: string[];
}

interface Walk {
  where: string;
  marshal: MarshalOptions;
  placeholders: Placeholders;
  clauses: Clauses;
}

export function renderUpdate(where: string, update: unknown, marshal: MarshalOptions): ExpressionObject {
  if (!isPlainObject(update) || isUpdateOperation(update)) fail(where, `update must be an object of attributes to change, got ${describe(update)}`);
  const walk: Walk = { where, marshal, placeholders: createPlaceholders(), clauses: { SET: [], REMOVE: [], ADD: [] } };
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

const baseOf = (path: PathStep[]) => path.map((s) => [s.attribute, ...s.indexes].join('_')).join('_');

function valueOf(walk: Walk, path: PathStep[], raw: unknown): AttributeValue {
  const converted = toAttributeValue(`${walk.where} (${path.map((s) => s.attribute).join('.')})`, raw, walk.marshal);
  if (converted === undefined) fail(walk.where, `"${path.map((s) => s.attribute).join('.')}" has no value to write`);
  return converted;
}

function set(walk: Walk, path: PathStep[], raw: unknown): void {
  const { placeholders } = walk;
  walk.clauses.SET.push(`${renderPath(placeholders, path)} = ${placeholders.value(baseOf(path), valueOf(walk, path, raw))}`);
}

function applyOperation(walk: Walk, path: PathStep[], op: UpdateOperation): void {
  const { placeholders, clauses } = walk;
  const target = () => renderPath(placeholders, path);
  const value = (raw: unknown) => placeholders.value(baseOf(path), valueOf(walk, path, raw));
  switch (op._type) {
    case 'add':
    case 'replace':
      return set(walk, path, op.value);
    case 'remove':
      clauses.REMOVE.push(target());
      return;
    case 'increment':
    case 'decrement': {
      const by = op._type === 'increment' ? op.by : -op.by;
      clauses.ADD.push(`${target()} ${value(by)}`);
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
