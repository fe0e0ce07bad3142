/**
 * TransactGetItems (`{items, cancellationReasons}`) and TransactWriteItems (`{keys, cancellationReasons}`).
 * A cancelled transaction sets `DynamoDB:TransactionCanceledException` and returns the per-item
 * `cancellationReasons` in `ctx.result` ({type, message} plus `item`, the current item, for a failed
 * condition: `returnValuesOnConditionCheckFailure` defaults to true, as the guide states).
 */
import type { CancellationReason, TransactGetItemsCommandOutput, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { DataSourceResult } from '../../types.ts';
import { DataSourceFailure, invalidRequest, isRecord, missingField } from '../errors.ts';
import { readArray, readBoolean, readKey, type OperationContext, type Request } from './context.ts';
import { attributeParams, readExpression, readProjection } from './expressions.ts';
import { fromAttributeMap, fromItem, toAttributeMap, type AttributeMap } from './values.ts';
import { isServiceError } from './wire.ts';

function readTransactItems(req: Request): Request[] {
  const items = readArray(req, 'transactItems');
  if (!items.length) throw invalidRequest("'transactItems' must contain at least one item");
  return items.map((item, i) => {
    if (!isRecord(item)) throw invalidRequest(`'transactItems[${i}]' must be an object`);
    if (typeof item.table !== 'string' || !item.table) throw missingField(`transactItems[${i}].table`);
    return item;
  });
}

const reasonsOf = (reasons: CancellationReason[] | undefined) =>
  (reasons ?? []).map((r) => ({
    type: r.Code ?? 'None',
    message: r.Message ?? null,
    ...(r.Item ? { item: fromAttributeMap(r.Item) } : {}),
  }));

async function transact<T>(send: () => Promise<T>, cancelled: (reasons: unknown[]) => unknown): Promise<T> {
  try {
    return await send();
  } catch (err) {
    if (isServiceError(err, 'TransactionCanceledException')) {
      throw new DataSourceFailure(
        'DynamoDB:TransactionCanceledException',
        err.message,
        cancelled(reasonsOf(err.CancellationReasons as CancellationReason[] | undefined)),
      );
    }
    throw err;
  }
}

export async function transactGetItems(req: Request, ctx: OperationContext): Promise<DataSourceResult> {
  const items = readTransactItems(req).map((item, i) => {
    const projection = readProjection(item, `transactItems[${i}].projection`);
    return {
      Get: {
        TableName: item.table as string,
        Key: readKey(item, `transactItems[${i}].key`),
        ProjectionExpression: projection?.expression,
        ...attributeParams(projection),
      },
    };
  });
  const res = await transact(
    () => ctx.dynamodb.call<TransactGetItemsCommandOutput>('TransactGetItems', { TransactItems: items }),
    (cancellationReasons) => ({ items: null, cancellationReasons }),
  );
  return { result: { items: (res.Responses ?? []).map((r) => fromItem(r.Item)), cancellationReasons: null } };
}

/** One transact item as the SDK's TransactWriteItem, with its key (for the `keys` result). */
function toWriteItem(item: Request, i: number): { write: TransactWriteItem; key: AttributeMap } {
  const path = `transactItems[${i}]`;
  const TableName = item.table as string;
  const Key = readKey(item, `${path}.key`);
  const condition = readExpression(item, 'condition', {
    path: `${path}.condition`,
    required: item.operation === 'ConditionCheck',
  });
  const returnOld =
    !isRecord(item.condition) || readBoolean(item.condition, 'returnValuesOnConditionCheckFailure') !== false;
  const conditional = {
    ...(condition
      ? {
          ConditionExpression: condition.expression,
          ReturnValuesOnConditionCheckFailure: returnOld ? ('ALL_OLD' as const) : ('NONE' as const),
        }
      : {}),
  };
  const written = (write: TransactWriteItem) => ({ write, key: Key });
  switch (item.operation) {
    case 'PutItem': {
      const values =
        item.attributeValues == null ? {} : toAttributeMap(item.attributeValues, `${path}.attributeValues`);
      return written({ Put: { TableName, Item: { ...values, ...Key }, ...conditional, ...attributeParams(condition) } });
    }
    case 'UpdateItem': {
      const update = readExpression(item, 'update', { path: `${path}.update`, required: true })!;
      return written({
        Update: {
          TableName,
          Key,
          UpdateExpression: update.expression,
          ...conditional,
          ...attributeParams(update, condition),
        },
      });
    }
    case 'DeleteItem':
      return written({ Delete: { TableName, Key, ...conditional, ...attributeParams(condition) } });
    case 'ConditionCheck':
      return written({
        ConditionCheck: {
          TableName,
          Key,
          ConditionExpression: condition!.expression,
          ReturnValuesOnConditionCheckFailure: conditional.ReturnValuesOnConditionCheckFailure,
          ...attributeParams(condition),
        },
      });
    default:
      throw invalidRequest(
        `'${path}.operation' must be PutItem, UpdateItem, DeleteItem or ConditionCheck, not ${JSON.stringify(item.operation)}`,
      );
  }
}

export async function transactWriteItems(req: Request, ctx: OperationContext): Promise<DataSourceResult> {
  const writes = readTransactItems(req).map(toWriteItem);
  await transact(
    () => ctx.dynamodb.call('TransactWriteItems', { TransactItems: writes.map((w) => w.write) }),
    (cancellationReasons) => ({ keys: null, cancellationReasons }),
  );
  return { result: { keys: writes.map((w) => fromAttributeMap(w.key)), cancellationReasons: null } };
}
