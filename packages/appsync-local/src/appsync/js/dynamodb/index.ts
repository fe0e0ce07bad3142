/**
 * The DynamoDB side of the local APPSYNC_JS runtime. All functions are pure: plain data in, plain
 * JSON-compatible data out, no shared state; invalid input throws an Error with a clear message.
 *
 *   createDynamoDbHelpers()  → the `@aws-appsync/utils/dynamodb` module
 *   createDynamoDbUtils()    → `util.dynamodb`
 *   createTransformUtils()   → `util.transform.toDynamoDBFilterExpression` / `toDynamoDBConditionExpression`
 *   renderFilter / renderKeyCondition  → the shared friendly-syntax → expression renderer
 */
import { toBinarySetValue, toNumberSetValue, toStringSetValue } from './marshal.ts';
import { batchDelete, batchGet, batchPut, transactGet, transactWrite } from './multi.ts';
import { createOperations, type DynamoDbOperations } from './operations.ts';
import { get, put, query, remove, scan, sync, update } from './requests.ts';
import type { PlainObject } from './values.ts';

export { createDynamoDbUtils, type DynamoDbUtils } from './util.ts';
export { createTransformUtils, type DynamoDbTransformUtils } from './transform.ts';
export { renderFilter, renderKeyCondition, FILTER_OPERATORS, KEY_CONDITION_OPERATORS, type ExpressionObject } from './filter.ts';
export type { AttributeValue, AttributeMap } from './marshal.ts';

type Helper = (payload: unknown) => PlainObject;

export interface DynamoDbHelpers {
  get: Helper;
  put: Helper;
  remove: Helper;
  update: Helper;
  query: Helper;
  scan: Helper;
  sync: Helper;
  batchGet: Helper;
  batchPut: Helper;
  batchDelete: Helper;
  transactGet: Helper;
  transactWrite: Helper;
  operations: DynamoDbOperations;
  toStringSet(list: unknown): { SS: string[] };
  toNumberSet(list: unknown): { NS: (number | string)[] };
  toBinarySet(list: unknown): { BS: string[] };
}

/** A fresh module object per call, so one resolver cannot change what another sees. */
export function createDynamoDbHelpers(): DynamoDbHelpers {
  return {
    get,
    put,
    remove,
    update,
    query,
    scan,
    sync,
    batchGet,
    batchPut,
    batchDelete,
    transactGet,
    transactWrite,
    operations: createOperations(),
    // Typings: toNumberSet([1, 2, 3]) → { NS: ['1', '2', '3'] } (strings, unlike util.dynamodb's docs).
    toStringSet: (list) => toStringSetValue('ddb.toStringSet', list),
    toNumberSet: (list) => toNumberSetValue('ddb.toNumberSet', list, 'strings'),
    toBinarySet: (list) => toBinarySetValue('ddb.toBinarySet', list),
  };
}
