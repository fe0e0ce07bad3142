/**
 * DynamoDB typed values in (request objects) and plain JSON out (results), as AppSync converts them.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { invalidRequest, isRecord } from '../errors.ts';

export type AttributeMap = Record<string, AttributeValue>;

const TYPES = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);

function bad(path: string, what: string): never {
  throw invalidRequest(`Invalid DynamoDB typed value at ${path}: ${what}`);
}

/** `{N: 1234}` and `{N: "1234"}` are both accepted (the guide shows the former); the SDK gets a string. */
function toNumberString(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value;
  return bad(path, 'N must be a number');
}

/** Binary values travel as base64 strings in request objects. */
function toBinary(value: unknown, path: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return Buffer.from(value, 'base64');
  return bad(path, 'B must be a base64 string');
}

function arrayOf<T>(value: unknown, path: string, each: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) bad(path, 'expected an array');
  return value.map((v, i) => each(v, `${path}[${i}]`));
}

function asString(value: unknown, path: string): string {
  return typeof value === 'string' ? value : bad(path, 'expected a string');
}

export function toAttributeValue(value: unknown, path: string): AttributeValue {
  if (!isRecord(value)) return bad(path, 'expected an object such as {"S": "text"}');
  const keys = Object.keys(value);
  if (keys.length !== 1 || !TYPES.has(keys[0]!)) return bad(path, `unknown type ${JSON.stringify(keys)}`);
  const type = keys[0]!;
  const v = value[type];
  switch (type) {
    case 'S':
      return { S: asString(v, path) };
    case 'N':
      return { N: toNumberString(v, path) };
    case 'B':
      return { B: toBinary(v, path) };
    case 'BOOL':
      return typeof v === 'boolean' ? { BOOL: v } : bad(path, 'BOOL must be a boolean');
    case 'NULL':
      return { NULL: true };
    case 'SS':
      return { SS: arrayOf(v, path, asString) };
    case 'NS':
      return { NS: arrayOf(v, path, toNumberString) };
    case 'BS':
      return { BS: arrayOf(v, path, toBinary) };
    case 'L':
      return { L: arrayOf(v, path, toAttributeValue) };
    default: // 'M'
      return { M: toAttributeMap(v, path) };
  }
}

export function toAttributeMap(value: unknown, path: string): AttributeMap {
  if (!isRecord(value)) return bad(path, 'expected a map of typed values');
  const out: AttributeMap = {};
  for (const [name, v] of Object.entries(value)) out[name] = toAttributeValue(v, `${path}.${name}`);
  return out;
}

/** Binary values: Uint8Array as request objects are read, base64 text as DynamoDB answers (wire.ts). */
const base64 = (b: Uint8Array | string) => (typeof b === 'string' ? b : Buffer.from(b).toString('base64'));

/** Plain JSON: sets become arrays, binaries base64, numbers JSON numbers (as AppSync returns them). */
export function fromAttributeValue(av: AttributeValue): unknown {
  if (av.S !== undefined) return av.S;
  if (av.N !== undefined) return Number(av.N);
  if (av.BOOL !== undefined) return av.BOOL;
  if (av.NULL !== undefined) return null;
  if (av.B !== undefined) return base64(av.B);
  if (av.SS !== undefined) return [...av.SS];
  if (av.NS !== undefined) return av.NS.map(Number);
  if (av.BS !== undefined) return av.BS.map(base64);
  if (av.L !== undefined) return av.L.map(fromAttributeValue);
  if (av.M !== undefined) return fromAttributeMap(av.M);
  return null;
}

export function fromAttributeMap(item: AttributeMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, av] of Object.entries(item)) out[name] = fromAttributeValue(av);
  return out;
}

export const fromItem = (item: AttributeMap | undefined | null) => (item ? fromAttributeMap(item) : null);

/**
 * A comparable text for an item: map keys and set members sorted, numbers compared by value. Used to
 * match batch results to requested keys and to decide "already in the desired state" on a Put.
 */
export function canonical(av: AttributeValue): string {
  if (av.N !== undefined) return `N:${Number(av.N)}`;
  if (av.NS !== undefined) return `NS:${JSON.stringify(av.NS.map(Number).sort((a, b) => a - b))}`;
  if (av.SS !== undefined) return `SS:${JSON.stringify([...av.SS].sort())}`;
  if (av.BS !== undefined) return `BS:${JSON.stringify(av.BS.map(base64).sort())}`;
  if (av.L !== undefined) return `L:[${av.L.map(canonical).join(',')}]`;
  if (av.M !== undefined) return `M:${canonicalMap(av.M)}`;
  if (av.B !== undefined) return `B:${base64(av.B)}`;
  return JSON.stringify(av);
}

export function canonicalMap(map: AttributeMap, omit: ReadonlySet<string> = new Set()): string {
  const names = Object.keys(map)
    .filter((n) => !omit.has(n))
    .sort();
  return `{${names.map((n) => `${JSON.stringify(n)}=${canonical(map[n]!)}`).join(',')}}`;
}
