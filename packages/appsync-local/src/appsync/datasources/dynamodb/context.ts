/**
 * What every DynamoDB operation receives, and readers for the common fields of request objects.
 */
import type { DataSourceInvocation } from '../../types.ts';
import { invalidRequest, isRecord, missingField } from '../errors.ts';
import type { TokenCodec } from './next-token.ts';
import type { DynamoDbWire } from './wire.ts';
import { toAttributeMap, type AttributeMap } from './values.ts';

/** The event a `Custom` conditional-check-failed handler receives (the Lambda's event on AppSync). */
export interface ConditionHandlerEvent {
  arguments: Record<string, unknown>;
  requestMapping: unknown;
  currentValue: Record<string, unknown> | null;
  resolver: { tableName: string; awsRegion: string; parentType: string; field: string; outputs: null };
  identity: unknown;
}

/**
 * Runs the `lambdaArn` of a `Custom` strategy; replies `{action: 'reject'|'discard'|'retry', retryMapping?}`.
 * `call` is the data source call it arose in.
 */
export type ConditionHandler = (event: ConditionHandlerEvent, lambdaArn: string | undefined, call: DataSourceInvocation) => Promise<unknown>;

export interface OperationContext {
  /** Signed calls to the caller's DynamoDB endpoint (wire.ts). */
  dynamodb: DynamoDbWire;
  /** The data source's table (single-item and list operations; batch/transact name tables themselves). */
  tableName: string;
  tokens: TokenCodec;
  customHandler?: ConditionHandler;
  call: DataSourceInvocation;
}

export type Request = Record<string, unknown>;

export function readKey(holder: Request, path = 'key', field = 'key'): AttributeMap {
  if (holder[field] === undefined || holder[field] === null) throw missingField(path);
  const key = toAttributeMap(holder[field], path);
  if (!Object.keys(key).length) throw invalidRequest(`'${path}' must not be empty`);
  return key;
}

export function readBoolean(holder: Request, field: string, path = field): boolean | undefined {
  const v = holder[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalidRequest(`'${path}' must be a boolean`);
  return v;
}

export function readPositiveInt(holder: Request, field: string, path = field): number | undefined {
  const v = holder[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw invalidRequest(`'${path}' must be a positive integer`);
  }
  return v;
}

export function readRecord(holder: Request, field: string, path = field): Request {
  const v = holder[field];
  if (v === undefined || v === null) throw missingField(path);
  if (!isRecord(v)) throw invalidRequest(`'${path}' must be an object`);
  return v;
}

export function readArray(holder: Request, field: string, path = field): unknown[] {
  const v = holder[field];
  if (v === undefined || v === null) throw missingField(path);
  if (!Array.isArray(v)) throw invalidRequest(`'${path}' must be an array`);
  return v;
}
