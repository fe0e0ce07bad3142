/**
 * AppSync request attribute values → what `@aws-sdk/client-dynamodb` sends. Requests written by hand
 * in resolver code follow AppSync's documented forms, which the SDK does not accept as they are:
 * `{"N": 12345}` (a JSON number), `{"NULL": null}`, base64 strings for B/BS. For the data source.
 */
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { formatNumber } from './marshal.ts';
import { describe, fail, isPlainObject, setOwn } from './values.ts';

const where = 'DynamoDB request';

function numberString(value: unknown): string {
  if (typeof value === 'string') {
    if (value.trim() === '' || !Number.isFinite(Number(value))) fail(where, `"${value}" is not a number`);
    return value;
  }
  return formatNumber(where, value);
}

const binary = (value: unknown): Uint8Array => {
  if (typeof value !== 'string') fail(where, `binary values must be base64 strings, got ${describe(value)}`);
  return new Uint8Array(Buffer.from(value, 'base64'));
};

export function toSdkAttributeValue(value: unknown): SdkAttributeValue {
  if (!isPlainObject(value)) fail(where, `expected a typed value such as {"S": "…"}, got ${describe(value)}`);
  const keys = Object.keys(value);
  if (keys.length !== 1) fail(where, `a typed value has exactly one type key, got ${keys.length === 0 ? 'none' : keys.join(', ')}`);
  const [type] = keys;
  const v = value[type];
  switch (type) {
    case 'S':
      if (typeof v !== 'string') fail(where, `S must hold a string, got ${describe(v)}`);
      return { S: v };
    case 'N':
      return { N: numberString(v) };
    case 'BOOL':
      if (typeof v !== 'boolean') fail(where, `BOOL must hold true or false, got ${describe(v)}`);
      return { BOOL: v };
    case 'NULL':
      return { NULL: true };
    case 'B':
      return { B: binary(v) };
    case 'SS':
    case 'NS':
    case 'BS': {
      if (!Array.isArray(v)) fail(where, `${type} must hold a list, got ${describe(v)}`);
      if (type === 'SS') return { SS: v.map((m) => (typeof m === 'string' ? m : fail(where, `SS members must be strings, got ${describe(m)}`))) };
      if (type === 'NS') return { NS: v.map(numberString) };
      return { BS: v.map(binary) };
    }
    case 'L':
      if (!Array.isArray(v)) fail(where, `L must hold a list, got ${describe(v)}`);
      return { L: v.map(toSdkAttributeValue) };
    case 'M':
      return { M: toSdkAttributeMap(v) };
    default:
      return fail(where, `unknown DynamoDB type "${type}"`);
  }
}

export function toSdkAttributeMap(map: unknown): Record<string, SdkAttributeValue> {
  if (!isPlainObject(map)) fail(where, `expected a map of typed values, got ${describe(map)}`);
  const out: Record<string, SdkAttributeValue> = {};
  for (const key of Object.keys(map)) setOwn(out, key, toSdkAttributeValue(map[key]));
  return out;
}
