/**
 * `util.dynamodb` for APPSYNC_JS (developer guide: "DynamoDB helpers in util.dynamodb",
 * dynamodb-helpers-in-util-dynamodb-js; typings: @aws-appsync/utils lib/dynamodb-utils.d.ts).
 * The VTL-only `*Json` variants (toDynamoDBJson, toStringJson, …) are not part of APPSYNC_JS and
 * are deliberately absent.
 */
import {
  checkNumber,
  toAttributeMap,
  toAttributeValue,
  toBinarySetValue,
  toNumberSetValue,
  toStringSetValue,
  type AttributeMap,
  type AttributeValue,
} from './marshal.ts';
import { describe, fail, isPlainObject } from './values.ts';

const AS_DOCUMENTED = { sets: false } as const;

export interface S3ObjectRef {
  key: string;
  bucket: string;
  region: string;
  version?: string;
}

export interface DynamoDbUtils {
  toDynamoDB(value: unknown): AttributeValue | null;
  toString(value: unknown): { S: string } | null;
  toNumber(value: unknown): { N: number } | null;
  toBoolean(value: unknown): { BOOL: boolean } | null;
  toNull(): { NULL: null };
  toBinary(value: unknown): { B: string } | null;
  toStringSet(value: unknown): { SS: string[] } | null;
  toNumberSet(value: unknown): { NS: (number | string)[] } | null;
  toBinarySet(value: unknown): { BS: string[] } | null;
  toList(value: unknown): { L: AttributeValue[] } | null;
  toMap(value: unknown): { M: AttributeMap } | null;
  toMapValues(value: unknown): AttributeMap | null;
  toS3Object(key: unknown, bucket: unknown, region: unknown, version?: unknown): { S: string };
  fromS3ObjectJson(s3ObjectString: unknown): S3ObjectRef;
}

/**
 * The typed converters accept `null`/`undefined` and then return null (their typings:
 * `OptionalInputType<T>` → `Result | null`); any other wrong type is a clear error.
 */
function typed<R>(name: string, expected: string, check: (v: unknown) => boolean, convert: (v: never) => R) {
  const where = `util.dynamodb.${name}`;
  return (value: unknown): R | null => {
    if (value === null || value === undefined) return null;
    if (!check(value)) fail(where, `expected ${expected}, got ${describe(value)}`);
    return convert(value as never);
  };
}

const isArray = (v: unknown) => Array.isArray(v);

export function createDynamoDbUtils(): DynamoDbUtils {
  return {
    toDynamoDB(value) {
      // Documented: "General object conversion tool" — null becomes {NULL: null}; undefined (no value) is null.
      return toAttributeValue('util.dynamodb.toDynamoDB', value, AS_DOCUMENTED) ?? null;
    },
    toString: typed('toString', 'a string', (v) => typeof v === 'string', (v: string) => ({ S: v })),
    toNumber: typed('toNumber', 'a number', (v) => typeof v === 'number', (v: number) => ({ N: checkNumber('util.dynamodb.toNumber', v) })),
    toBoolean: typed('toBoolean', 'a boolean', (v) => typeof v === 'boolean', (v: boolean) => ({ BOOL: v })),
    toNull: () => ({ NULL: null }),
    toBinary: typed('toBinary', 'a base64 string', (v) => typeof v === 'string', (v: string) => ({ B: v })),
    toStringSet: typed('toStringSet', 'an array of strings', isArray, (v) => toStringSetValue('util.dynamodb.toStringSet', v)),
    toNumberSet: typed('toNumberSet', 'an array of numbers', isArray, (v) => toNumberSetValue('util.dynamodb.toNumberSet', v, 'numbers')),
    toBinarySet: typed('toBinarySet', 'an array of base64 strings', isArray, (v) => toBinarySetValue('util.dynamodb.toBinarySet', v)),
    toList: typed('toList', 'an array', isArray, (v: unknown[]) => toAttributeValue('util.dynamodb.toList', v, AS_DOCUMENTED) as { L: AttributeValue[] }),
    toMap: typed('toMap', 'an object', isPlainObject, (v) => ({ M: toAttributeMap('util.dynamodb.toMap', v, AS_DOCUMENTED) })),
    // Documented as exactly `toMap(obj).M`.
    toMapValues: typed('toMapValues', 'an object', isPlainObject, (v) => toAttributeMap('util.dynamodb.toMapValues', v, AS_DOCUMENTED)),
    toS3Object(key, bucket, region, version) {
      const where = 'util.dynamodb.toS3Object';
      for (const [name, value] of [['key', key], ['bucket', bucket], ['region', region]] as const) {
        if (typeof value !== 'string') fail(where, `${name} must be a string, got ${describe(value)}`);
      }
      if (version !== undefined && typeof version !== 'string') fail(where, `version must be a string, got ${describe(version)}`);
      // AppSync serialises compactly, in this key order: {"s3":{"key":…,"bucket":…,"region":…[,"version":…]}}.
      const s3: S3ObjectRef = { key: key as string, bucket: bucket as string, region: region as string };
      if (version !== undefined) s3.version = version;
      return { S: JSON.stringify({ s3 }) };
    },
    fromS3ObjectJson(s3ObjectString) {
      const where = 'util.dynamodb.fromS3ObjectJson';
      if (typeof s3ObjectString !== 'string') fail(where, `expected the JSON string of an S3 object, got ${describe(s3ObjectString)}`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(s3ObjectString);
      } catch {
        fail(where, 'the string is not valid JSON');
      }
      const s3 = isPlainObject(parsed) ? parsed.s3 : undefined;
      if (!isPlainObject(s3) || typeof s3.key !== 'string' || typeof s3.bucket !== 'string' || typeof s3.region !== 'string') {
        fail(where, 'expected {"s3":{"key":…,"bucket":…,"region":…}}');
      }
      const out: S3ObjectRef = { key: s3.key, bucket: s3.bucket, region: s3.region };
      if (typeof s3.version === 'string') out.version = s3.version;
      return out;
    },
  };
}
