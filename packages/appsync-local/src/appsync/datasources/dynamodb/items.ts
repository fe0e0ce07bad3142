/**
 * Single-item operations: GetItem, PutItem (returns the item written), UpdateItem (ALL_NEW) and
 * DeleteItem (ALL_OLD), with AppSync's handling of failed conditions (conditions.ts).
 */
import type { DataSourceResult } from '../../types.ts';
import { invalidRequest, isRecord } from '../errors.ts';
import { resolveConditionFailure, type WriteOperation } from './conditions.ts';
import { readBoolean, readKey, type OperationContext, type Request } from './context.ts';
import { attributeParams, readExpression, readProjection } from './expressions.ts';
import { fromItem, toAttributeMap, type AttributeMap } from './values.ts';
import { isServiceError } from './wire.ts';

type ItemOutput = { Item?: AttributeMap; Attributes?: AttributeMap };

export async function getItem(req: Request, ctx: OperationContext): Promise<DataSourceResult> {
  const projection = readProjection(req);
  const { Item } = await ctx.dynamodb.call<ItemOutput>('GetItem', {
    TableName: ctx.tableName,
    Key: readKey(req),
    ConsistentRead: readBoolean(req, 'consistentRead'),
    ProjectionExpression: projection?.expression,
    ...attributeParams(projection),
  });
  return { result: fromItem(Item) };
}

/** PutItem/UpdateItem/DeleteItem. `attempt` counts Custom-handler retries. */
export async function writeItem(
  operation: WriteOperation,
  req: Request,
  ctx: OperationContext,
  attempt = 0,
): Promise<DataSourceResult> {
  // `_version`, `customPartitionKey` and `populateIndexFields` belong to versioned (conflict-detection)
  // data sources; Taskwire's is not versioned, and AppSync ignores them there too.
  const key = readKey(req);
  if (req.condition !== undefined && req.condition !== null && !isRecord(req.condition)) {
    throw invalidRequest("'condition' must be an object");
  }
  const condition = readExpression(req, 'condition');
  const conditionParams = condition ? { ConditionExpression: condition.expression } : {};
  let desired: AttributeMap | undefined;
  try {
    if (operation === 'PutItem') {
      const values = req.attributeValues == null ? {} : toAttributeMap(req.attributeValues, 'attributeValues');
      desired = { ...values, ...key };
      await ctx.dynamodb.call('PutItem', { TableName: ctx.tableName, Item: desired, ...conditionParams, ...attributeParams(condition) });
      return { result: fromItem(desired) };
    }
    if (operation === 'UpdateItem') {
      const update = readExpression(req, 'update', { required: true })!;
      const { Attributes } = await ctx.dynamodb.call<ItemOutput>('UpdateItem', {
        TableName: ctx.tableName,
        Key: key,
        UpdateExpression: update.expression,
        ReturnValues: 'ALL_NEW',
        ...conditionParams,
        ...attributeParams(update, condition),
      });
      return { result: fromItem(Attributes) };
    }
    const { Attributes } = await ctx.dynamodb.call<ItemOutput>('DeleteItem', {
      TableName: ctx.tableName,
      Key: key,
      ReturnValues: 'ALL_OLD',
      ...conditionParams,
      ...attributeParams(condition),
    });
    return { result: fromItem(Attributes) };
  } catch (err) {
    if (!isServiceError(err, 'ConditionalCheckFailedException') || !condition) throw err;
    return resolveConditionFailure(
      {
        operation,
        request: req,
        condition: req.condition as Request,
        key,
        desired,
        attempt,
        retry: (mapping, next) => writeItem(operation, mapping, ctx, next),
      },
      ctx,
    );
  }
}
