/**
 * Plain JavaScript values → DynamoDB typed attribute values, the one home of AppSync's type mapping
 * (util.dynamodb.toDynamoDB and everything built on it: toMapValues, the helpers' keys and items,
 * expression values).
 *
 * AppSync's documented mapping: string → S, number → N, boolean → BOOL, null → NULL, array → L
 * (never a set), object → M. Numbers stay JSON numbers, `{"N": 12345}`, as AppSync prints them and
 * as EvaluateCode returns them (docs/conformance.md); the DynamoDB data source turns them into the
 * wire form (strings) when it sends the request (datasources/dynamodb/values.ts).
 */
import { describe, fail, isPlainObject, setOwn, type PlainObject } from './values.ts';

export type AttributeValue =
  | { S: string }
  | { N: number | string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: null }
  | { SS: string[] }
  | { NS: (number | string)[] }
  | { BS: string[] }
  | { L: AttributeValue[] }
  | { M: AttributeMap };

export type AttributeMap = Record<string, AttributeValue>;

/** DynamoDB allows 32 levels of nested documents; deeper (or cyclic) input is refused, not recursed into. */
export const MAX_DEPTH = 32;

export interface MarshalOptions {
  /**
   * Accept `{SS|NS|BS: [...]}` objects (what the `@aws-appsync/utils/dynamodb` module's toStringSet,
   * toNumberSet and toBinarySet return) as sets. The helpers do; util.dynamodb.toDynamoDB does not
   * (it is documented as never producing sets).
   */
  sets: boolean;
}

/** A number DynamoDB can store. NaN and ±Infinity have no DynamoDB representation. */
export function checkNumber(where: string, n: unknown): number {
  if (typeof n !== 'number') fail(where, `expected a number, got ${describe(n)}`);
  if (!Number.isFinite(n)) fail(where, `${String(n)} cannot be stored in DynamoDB (numbers must be finite)`);
  // -0 has no DynamoDB meaning. choice: -0 becomes 0, no recorded AWS output.
  return Object.is(n, -0) ? 0 : n;
}

/** A number as DynamoDB's string form (String() gives the shortest round-tripping form: "1.5", "1e+21"). */
export function formatNumber(where: string, n: unknown): string {
  return String(checkNumber(where, n));
}

export function toStringSetValue(where: string, list: unknown): { SS: string[] } {
  return { SS: setMembers(where, list, 'string', (v) => v as string) };
}

/**
 * Two published forms: util.dynamodb.toNumberSet([1, 23, 4.56]) → `{ "NS": [1, 23, 4.56] }` (numbers),
 * the module's toNumberSet([1, 2, 3]) → `{ "NS": ["1", "2", "3"] }` (strings); both printed in
 * @aws-appsync/utils (lib/dynamodb-utils.d.ts, lib/dynamodb-helpers.d.ts).
 */
export function toNumberSetValue(where: string, list: unknown, members: 'numbers' | 'strings'): { NS: (number | string)[] } {
  const convert = (v: unknown): number | string => (members === 'numbers' ? checkNumber(where, v) : formatNumber(where, v));
  return { NS: setMembers(where, list, 'number', convert) };
}

/** Binary values are base64 strings, as AppSync documents. */
export function toBinarySetValue(where: string, list: unknown): { BS: string[] } {
  return { BS: setMembers(where, list, 'string', (v) => v as string) };
}

function setMembers<T>(where: string, list: unknown, type: 'string' | 'number', convert: (v: unknown) => T): T[] {
  if (!Array.isArray(list)) fail(where, `expected an array of ${type}s, got ${describe(list)}`);
  return list.map((member, i) => {
    if (typeof member !== type) fail(where, `set member ${i} must be a ${type}, got ${describe(member)}`);
    return convert(member);
  });
}

/** True for `{SS|NS|BS: [...]}`, the shape the module's set helpers return. */
export function isSetValue(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && ['SS', 'NS', 'BS'].includes(keys[0]) && Array.isArray(value[keys[0]]);
}

/** `{SS|NS|BS: [...]}` from the module's set helpers (or written by hand), normalised. */
function asSetValue(where: string, value: PlainObject): AttributeValue | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const [key] = keys;
  // A string set holds strings, a binary set base64 strings; number set members may be numbers or
  // numeric strings (toNumberSet already returns strings).
  if (key === 'SS') return toStringSetValue(where, value.SS);
  if (key === 'BS') return toBinarySetValue(where, value.BS);
  if (key === 'NS' && Array.isArray(value.NS)) {
    // Members keep the form they were given in (number or numeric string).
    return { NS: value.NS.map((m, i) => (typeof m === 'string' && m.trim() !== '' && Number.isFinite(Number(m)) ? m : checkNumber(`${where} (NS member ${i})`, m))) };
  }
  return undefined;
}

/** Converts one value; `undefined` in, `undefined` out (absent, as in JSON). */
export function toAttributeValue(where: string, value: unknown, options: MarshalOptions, depth = 0): AttributeValue | undefined {
  if (value === undefined) return undefined;
  if (depth > MAX_DEPTH) fail(where, `value is nested more than ${MAX_DEPTH} levels deep (or contains a cycle)`);
  if (value === null) return { NULL: null };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      return { N: checkNumber(where, value) };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      break;
    default:
      return fail(where, `cannot convert ${describe(value)} to a DynamoDB value`);
  }
  if (Array.isArray(value)) {
    // JSON turns an undefined list element into null; so do we.
    return { L: value.map((member) => toAttributeValue(where, member, options, depth + 1) ?? { NULL: null }) };
  }
  if (!isPlainObject(value)) fail(where, `cannot convert ${describe(value)} (only plain objects, arrays and scalars)`);
  if (options.sets) {
    const set = asSetValue(where, value);
    if (set) return set;
  }
  return { M: toAttributeMapAt(where, value, options, depth + 1) };
}

/** An object's values converted one by one: `util.dynamodb.toMapValues`, and the helpers' keys and items. */
export function toAttributeMap(where: string, value: unknown, options: MarshalOptions): AttributeMap {
  if (!isPlainObject(value)) fail(where, `expected an object, got ${describe(value)}`);
  return toAttributeMapAt(where, value, options, 0);
}

function toAttributeMapAt(where: string, value: PlainObject, options: MarshalOptions, depth: number): AttributeMap {
  const out: AttributeMap = {};
  for (const key of Object.keys(value)) {
    const converted = toAttributeValue(where, value[key], options, depth);
    if (converted !== undefined) setOwn(out, key, converted);
  }
  return out;
}
