/**
 * BatchGetItem, BatchPutItem and BatchDeleteItem over the `tables` map. Results come back per table in
 * request order, with null where an item was not found or not processed; what DynamoDB left unprocessed
 * is returned in `unprocessedKeys` / `unprocessedItems` (every requested table present, possibly empty)
 * and, as in the guide's example, a partial batch also sets `ctx.error`.
 */
import type { BatchGetItemCommandOutput, BatchWriteItemCommandOutput, WriteRequest } from '@aws-sdk/client-dynamodb';
import type { DataSourceResult } from '../../types.ts';
import { DataSourceFailure, invalidRequest, isRecord } from '../errors.ts';
import { readArray, readBoolean, readRecord, type OperationContext, type Request } from './context.ts';
import { attributeParams, readProjection } from './expressions.ts';
import { canonicalMap, fromAttributeMap, toAttributeMap, type AttributeMap } from './values.ts';

/** The error AppSync's guide shows for a batch that DynamoDB processed only in part. */
function partialBatch(result: unknown): DataSourceFailure {
  return new DataSourceFailure(
    'DynamoDB:ProvisionedThroughputExceededException',
    'You exceeded your maximum allowed provisioned throughput for a table or for one or more global secondary indexes.',
    result,
  );
}

function readTables(req: Request): [string, unknown][] {
  const entries = Object.entries(readRecord(req, 'tables'));
  if (!entries.length) throw invalidRequest("'tables' must name at least one table");
  return entries;
}

const pick = (item: AttributeMap, names: string[]): AttributeMap =>
  Object.fromEntries(names.filter((n) => item[n] !== undefined).map((n) => [n, item[n]!]));

export async function batchGetItem(req: Request, ctx: OperationContext): Promise<DataSourceResult> {
  const tables = readTables(req).map(([table, spec]) => {
    if (!isRecord(spec)) throw invalidRequest(`'tables.${table}' must be an object with 'keys'`);
    const keys = readArray(spec, 'keys', `tables.${table}.keys`).map((k, i) =>
      toAttributeMap(k, `tables.${table}.keys[${i}]`),
    );
    if (!keys.length) throw invalidRequest(`'tables.${table}.keys' must not be empty`);
    const keyNames = Object.keys(keys[0]!);
    const projection = readProjection(spec, `tables.${table}.projection`);
    // Results are matched to keys by their key attributes, so a projection must include them.
    // (They then appear in the result items even when the projection did not name them.)
    const keyPlaceholders = keyNames.map((_, i) => `#appsyncKey${i}`);
    const projectionParams = projection
      ? {
          ProjectionExpression: [projection.expression, ...keyPlaceholders].join(', '),
          ExpressionAttributeNames: {
            ...attributeParams(projection).ExpressionAttributeNames,
            ...Object.fromEntries(keyNames.map((n, i) => [keyPlaceholders[i]!, n])),
          },
        }
      : {};
    return {
      table,
      keys,
      keyNames,
      spec: { Keys: keys, ConsistentRead: readBoolean(spec, 'consistentRead'), ...projectionParams },
    };
  });

  const res = await ctx.dynamodb.call<BatchGetItemCommandOutput>('BatchGetItem', {
    RequestItems: Object.fromEntries(tables.map((t) => [t.table, t.spec])),
  });

  const data: Record<string, (Record<string, unknown> | null)[]> = {};
  const unprocessedKeys: Record<string, Record<string, unknown>[]> = {};
  let partial = false;
  for (const t of tables) {
    const found = new Map((res.Responses?.[t.table] ?? []).map((item) => [canonicalMap(pick(item, t.keyNames)), item]));
    data[t.table] = t.keys.map((k) => {
      const item = found.get(canonicalMap(k));
      return item ? fromAttributeMap(item) : null;
    });
    const left = res.UnprocessedKeys?.[t.table]?.Keys ?? [];
    unprocessedKeys[t.table] = left.map(fromAttributeMap);
    if (left.length) partial = true;
  }
  const result = { data, unprocessedKeys };
  if (partial) throw partialBatch(result);
  return { result };
}

/** BatchPutItem (`tables: {T: [items]}`) and BatchDeleteItem (`tables: {T: [keys]}`). */
export async function batchWriteItem(
  operation: 'BatchPutItem' | 'BatchDeleteItem',
  req: Request,
  ctx: OperationContext,
): Promise<DataSourceResult> {
  const put = operation === 'BatchPutItem';
  const tables = readTables(req).map(([table, list]) => {
    if (!Array.isArray(list)) throw invalidRequest(`'tables.${table}' must be an array`);
    if (!list.length) throw invalidRequest(`'tables.${table}' must not be empty`);
    return { table, entries: list.map((v, i) => toAttributeMap(v, `tables.${table}[${i}]`)) };
  });
  const requestItems: Record<string, WriteRequest[]> = {};
  for (const t of tables) {
    requestItems[t.table] = t.entries.map((e) => (put ? { PutRequest: { Item: e } } : { DeleteRequest: { Key: e } }));
  }
  const res = await ctx.dynamodb.call<BatchWriteItemCommandOutput>('BatchWriteItem', { RequestItems: requestItems });

  const data: Record<string, (Record<string, unknown> | null)[]> = {};
  const unprocessed: Record<string, Record<string, unknown>[]> = {};
  let partial = false;
  for (const t of tables) {
    const left = (res.UnprocessedItems?.[t.table] ?? [])
      .map((w) => (put ? w.PutRequest?.Item : w.DeleteRequest?.Key))
      .filter((e): e is AttributeMap => !!e);
    const leftSet = new Set(left.map((e) => canonicalMap(e)));
    data[t.table] = t.entries.map((e) => (leftSet.has(canonicalMap(e)) ? null : fromAttributeMap(e)));
    unprocessed[t.table] = left.map(fromAttributeMap);
    if (left.length) partial = true;
  }
  const result = put ? { data, unprocessedItems: unprocessed } : { data, unprocessedKeys: unprocessed };
  if (partial) throw partialBatch(result);
  return { result };
}
