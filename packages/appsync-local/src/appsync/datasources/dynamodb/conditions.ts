/**
 * What AppSync does when a single-item write's condition fails (the guide's "condition expressions"
 * page): it reads the current item (strongly consistent unless `condition.consistentRead` is false),
 *  - PutItem: if the current item already equals the desired one (ignoring `equalsIgnore`), success;
 *  - DeleteItem: if the item is already gone, success;
 *  - otherwise the `conditionalCheckFailedHandler` strategy decides: `Reject` (default) sets the error
 *    `DynamoDB:ConditionalCheckFailedException` with `ctx.result` = the current item; `Custom` asks a
 *    Lambda, which replies `reject`, `discard` (no error, result = current item) or `retry` with a
 *    `retryMapping` (a new request object for the same operation).
 */
import type { DataSourceResult } from '../../types.ts';
import { DataSourceFailure, invalidRequest, isRecord } from '../errors.ts';
import type { OperationContext, Request } from './context.ts';
import { canonicalMap, fromItem, type AttributeMap } from './values.ts';

export type WriteOperation = 'PutItem' | 'UpdateItem' | 'DeleteItem';

/**
 * Retries a Custom handler may ask for. AWS documents no number; a small bound keeps a handler that
 * always answers `retry` from looping forever.
 */
export const MAX_CONDITION_RETRIES = 3;

const CONDITION_FAILED_MESSAGE = 'The conditional request failed';

export interface ConditionFailure {
  operation: WriteOperation;
  request: Request;
  condition: Request;
  key: AttributeMap;
  /** PutItem only: the item the request would have written. */
  desired?: AttributeMap;
  attempt: number;
  /** Re-runs the operation with a retryMapping. */
  retry(mapping: Request, attempt: number): Promise<DataSourceResult>;
}

export async function resolveConditionFailure(f: ConditionFailure, ctx: OperationContext): Promise<DataSourceResult> {
  const consistent = f.condition.consistentRead !== false;
  const { Item } = await ctx.dynamodb.call<{ Item?: AttributeMap }>('GetItem', { TableName: ctx.tableName, Key: f.key, ConsistentRead: consistent });
  const current = fromItem(Item);

  if (f.operation === 'PutItem' && Item && f.desired) {
    const ignore = new Set(Array.isArray(f.condition.equalsIgnore) ? (f.condition.equalsIgnore as string[]) : []);
    if (canonicalMap(Item, ignore) === canonicalMap(f.desired, ignore)) return { result: current };
  }
  if (f.operation === 'DeleteItem' && !Item) return { result: null };

  const reject = (): DataSourceResult => ({
    result: current,
    error: { type: 'DynamoDB:ConditionalCheckFailedException', message: CONDITION_FAILED_MESSAGE },
  });
  const handler = isRecord(f.condition.conditionalCheckFailedHandler) ? f.condition.conditionalCheckFailedHandler : {};
  const strategy = handler.strategy ?? 'Reject';
  if (strategy === 'Reject') return reject();
  if (strategy !== 'Custom') throw invalidRequest(`Unknown conditionalCheckFailedHandler strategy '${String(strategy)}'`);
  if (!ctx.customHandler) {
    throw invalidRequest('conditionalCheckFailedHandler strategy Custom needs a Lambda, and none is configured');
  }

  const { call } = ctx;
  const reply = await ctx.customHandler(
    {
      arguments: call.ctx.arguments,
      requestMapping: f.request,
      currentValue: current,
      resolver: {
        tableName: ctx.tableName,
        awsRegion: (await ctx.dynamodb.region()) ?? 'us-east-1',
        parentType: call.ctx.info.parentTypeName,
        field: call.ctx.info.fieldName,
        outputs: null,
      },
      identity: call.ctx.identity,
    },
    typeof handler.lambdaArn === 'string' ? handler.lambdaArn : undefined,
    call,
  );
  const action = isRecord(reply) ? reply.action : undefined;
  if (action === 'reject') return reject();
  if (action === 'discard') return { result: current };
  if (action === 'retry') {
    if (f.attempt >= MAX_CONDITION_RETRIES) return reject();
    const mapping = isRecord(reply) ? reply.retryMapping : undefined;
    if (!isRecord(mapping)) throw new DataSourceFailure('MappingTemplate', "A 'retry' reply needs a retryMapping object");
    if (mapping.operation !== undefined && mapping.operation !== f.operation) {
      throw invalidRequest(`retryMapping must be a ${f.operation} request, not ${String(mapping.operation)}`);
    }
    return f.retry({ ...mapping, operation: f.operation }, f.attempt + 1);
  }
  throw invalidRequest(`The conditional check handler replied with an unknown action '${String(action)}'`);
}
