/**
 * The one home of AppSync's friendly filter/condition syntax → DynamoDB expression
 * (`{ title: { beginsWith: 'x' }, and: [...], or: [...], not: {...} }`). Used by
 * util.transform.toDynamoDBFilterExpression / toDynamoDBConditionExpression and by every
 * `@aws-appsync/utils/dynamodb` helper that takes a filter, a condition or a key condition.
 *
 * Output shape follows the developer guide's example (transformation-helpers-in-utils-transform-js:
 * `contains(#title, :title_contains)` with `#title` and `:title_contains`) and AppSync's observed
 * rendering rules, which AWS does not document further:
 *  - every single condition is parenthesised: `(#v = :v_eq)`, `(begins_with(#v,:v_beginsWith))`
 *    (functions take no space after the comma), `(NOT contains(#v,:v_notContains))`,
 *    `(#v BETWEEN :v_between_start AND :v_between_end)`, `(#v IN (:v_in_0, :v_in_1))`,
 *    `(attribute_exists(#v))` / `(attribute_not_exists(#v))`, `(attribute_type(#v,:v_attributeType))`;
 *  - `size: {...}` applies its operators to `size(#v)`, value names gaining `_size`;
 *  - several operators on one field are ANDed and wrapped; keys of one object are ANDed unwrapped;
 *  - `and`/`or` take a list; their members' value names are prefixed `and_<i>_` / `or_<i>_`, and a
 *    group of two or more members is wrapped; `not` takes one object, prefix `not_`, `(NOT …)`;
 *  - attribute names are used verbatim: `#<field>` → field.
 */
import { toAttributeValue, type AttributeMap, type MarshalOptions } from './marshal.ts';
import { definedEntries, describe, fail, isPlainObject, setOwn } from './values.ts';

export interface ExpressionObject {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: AttributeMap;
}

const COMPARATORS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** attributeType's friendly names (typings: DynamoDBAttributeTypeValues) → DynamoDB type codes. */
const ATTRIBUTE_TYPES: Record<string, string> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

export const FILTER_OPERATORS: readonly string[] = [
  ...Object.keys(COMPARATORS),
  'in',
  'between',
  'beginsWith',
  'contains',
  'notContains',
  'attributeExists',
  'attributeType',
  'size',
];

/** Key conditions allow only these (DynamoDB KeyConditionExpression; helper typings). */
export const KEY_CONDITION_OPERATORS: readonly string[] = ['eq', 'lt', 'le', 'gt', 'ge', 'between', 'beginsWith'];

const GROUPS = new Set(['and', 'or', 'not']);

export interface RenderOptions {
  marshal: MarshalOptions;
  /** Restricts operators (key conditions); groups are then refused too. */
  operators?: readonly string[];
}

interface State {
  where: string;
  names: Record<string, string>;
  values: AttributeMap;
  marshal: MarshalOptions;
  operators: readonly string[];
  groups: boolean;
}

/** Renders a filter/condition object. Throws an Error naming `where` and the offending part. */
export function renderFilter(where: string, filter: unknown, options: RenderOptions): ExpressionObject {
  if (!isPlainObject(filter)) fail(where, `expected a filter object, got ${describe(filter)}`);
  const state: State = {
    where,
    names: {},
    values: {},
    marshal: options.marshal,
    operators: options.operators ?? FILTER_OPERATORS,
    groups: options.operators === undefined,
  };
  const expression = renderObject(state, filter, '');
  return { expression, expressionNames: state.names, expressionValues: state.values };
}

/** A key condition: one operator per key attribute, at most a partition key and a sort key. */
export function renderKeyCondition(where: string, query: unknown, marshal: MarshalOptions): ExpressionObject {
  if (!isPlainObject(query)) fail(where, `expected a key condition object, got ${describe(query)}`);
  const fields = definedEntries(query);
  if (fields.length === 0) fail(where, 'the key condition names no key attribute');
  if (fields.length > 2) fail(where, `a key condition names at most a partition key and a sort key, got ${fields.length} attributes`);
  for (const [field, ops] of fields) {
    if (GROUPS.has(field)) fail(where, `"${field}" is not allowed in a key condition (only key attributes)`);
    if (!isPlainObject(ops)) fail(where, `key attribute "${field}" must map to an operator object, got ${describe(ops)}`);
    const used = definedEntries(ops).map(([op]) => op);
    const bad = used.find((op) => !KEY_CONDITION_OPERATORS.includes(op));
    if (bad !== undefined) fail(where, `key attribute "${field}" uses "${bad}"; key conditions allow only ${KEY_CONDITION_OPERATORS.join(', ')}`);
    if (used.length !== 1) fail(where, `key attribute "${field}" needs exactly one operator, got ${used.length}`);
  }
  return renderFilter(where, query, { marshal, operators: KEY_CONDITION_OPERATORS });
}

function renderObject(state: State, obj: Record<string, unknown>, prefix: string): string {
  const parts: string[] = [];
  for (const [key, value] of definedEntries(obj)) {
    if (GROUPS.has(key) && !state.groups) fail(state.where, `"${key}" is not allowed here`);
    if (key === 'and' || key === 'or') parts.push(renderGroup(state, key, value, prefix));
    else if (key === 'not') {
      if (!isPlainObject(value)) fail(state.where, `"not" takes one filter object, got ${describe(value)}`);
      parts.push(`(NOT ${renderObject(state, value, `${prefix}not_`)})`);
    } else parts.push(renderField(state, key, value, prefix));
  }
  return parts.join(' AND ');
}

function renderGroup(state: State, kind: 'and' | 'or', members: unknown, prefix: string): string {
  if (!Array.isArray(members)) fail(state.where, `"${kind}" takes a list of filter objects, got ${describe(members)}`);
  const rendered = members.map((member, i) => {
    if (!isPlainObject(member)) fail(state.where, `"${kind}" member ${i} must be a filter object, got ${describe(member)}`);
    return renderObject(state, member, `${prefix}${kind}_${i}_`);
  });
  return rendered.length > 1 ? `(${rendered.join(kind === 'and' ? ' AND ' : ' OR ')})` : (rendered[0] ?? '');
}

function renderField(state: State, field: string, ops: unknown, prefix: string): string {
  if (!isPlainObject(ops)) fail(state.where, `field "${field}" must map to an operator object such as { eq: … }, got ${describe(ops)}`);
  const name = `#${field}`;
  setOwn(state.names, name, field);
  return renderOperators(state, field, name, false, `${prefix}${field}`, ops);
}

/** `operand` is the name placeholder; `sized` applies the operators to size(operand) instead. */
function renderOperators(state: State, field: string, operand: string, sized: boolean, valueBase: string, ops: Record<string, unknown>): string {
  const conditions = definedEntries(ops).map(([op, arg]) => renderOperator(state, field, operand, sized, valueBase, op, arg));
  return conditions.length > 1 ? `(${conditions.join(' AND ')})` : (conditions[0] ?? '');
}

function renderOperator(state: State, field: string, operand: string, sized: boolean, valueBase: string, op: string, arg: unknown): string {
  if (!state.operators.includes(op)) {
    const known = FILTER_OPERATORS.includes(op) ? `"${op}" is not allowed here` : `unknown operator "${op}"`;
    fail(state.where, `${known} on field "${field}" (allowed: ${state.operators.join(', ')})`);
  }
  const subject = sized ? `size(${operand})` : operand;
  const value = (suffix: string, v: unknown) => addValue(state, `:${valueBase}_${suffix}`, v);

  if (op in COMPARATORS) return `(${subject} ${COMPARATORS[op]} ${value(op, arg)})`;
  switch (op) {
    case 'beginsWith':
      return `(begins_with(${subject},${value(op, arg)}))`;
    case 'contains':
      return `(contains(${subject},${value(op, arg)}))`;
    case 'notContains':
      return `(NOT contains(${subject},${value(op, arg)}))`;
    case 'between': {
      // AppSync uses the first two bounds and ignores any further ones.
      if (!Array.isArray(arg) || arg.length < 2) fail(state.where, `"between" on field "${field}" takes a list of two bounds, got ${describe(arg)}`);
      return `(${subject} BETWEEN ${value('between_start', arg[0])} AND ${value('between_end', arg[1])})`;
    }
    case 'in': {
      if (!Array.isArray(arg)) fail(state.where, `"in" on field "${field}" takes a list of values, got ${describe(arg)}`);
      // AppSync renders an empty list as `(null)`, an expression DynamoDB then rejects; kept as is.
      if (arg.length === 0) return '(null)';
      return `(${subject} IN (${arg.map((v, i) => value(`in_${i}`, v)).join(', ')}))`;
    }
    case 'attributeExists':
      if (typeof arg !== 'boolean') fail(state.where, `"attributeExists" on field "${field}" takes true or false, got ${describe(arg)}`);
      return `(${arg ? 'attribute_exists' : 'attribute_not_exists'}(${subject}))`;
    case 'attributeType': {
      const code = typeof arg === 'string' && Object.hasOwn(ATTRIBUTE_TYPES, arg) ? ATTRIBUTE_TYPES[arg] : undefined;
      if (code === undefined) fail(state.where, `"attributeType" on field "${field}" takes one of ${Object.keys(ATTRIBUTE_TYPES).join(', ')}, got ${describe(arg)}`);
      return `(attribute_type(${subject},${value(op, code)}))`;
    }
    case 'size':
      if (!isPlainObject(arg)) fail(state.where, `"size" on field "${field}" takes an operator object such as { gt: 1 }, got ${describe(arg)}`);
      // A nested size does not nest the call (size(size(#v)) is not DynamoDB); only the value names grow.
      return renderOperators(state, field, operand, true, `${valueBase}_size`, arg);
    default:
      return fail(state.where, `unknown operator "${op}" on field "${field}"`);
  }
}

function addValue(state: State, placeholder: string, raw: unknown): string {
  const converted = toAttributeValue(`${state.where} (${placeholder})`, raw, state.marshal) ?? { NULL: null };
  if (Object.hasOwn(state.values, placeholder)) {
    fail(state.where, `two conditions both need the value placeholder ${placeholder}; rename a field or restructure the filter`);
  }
  setOwn(state.values, placeholder, converted);
  return placeholder;
}
