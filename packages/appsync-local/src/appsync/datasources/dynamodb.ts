/**
 * The AMAZON_DYNAMODB data source: executes the request objects AppSync's DynamoDB data source accepts
 * (docs/local-runtime.md, "DynamoDB requests and responses", and the developer guide's per-operation pages) against a real DynamoDB endpoint.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DataSource, DataSourceInvocation, DataSourceResult } from '../types.ts';
import { invalidRequest, isRecord, missingField, settle } from './errors.ts';
import { batchGetItem, batchWriteItem } from './dynamodb/batch.ts';
import type { ConditionHandler, OperationContext, Request } from './dynamodb/context.ts';
import { getItem, writeItem } from './dynamodb/items.ts';
import { query, scan, sync } from './dynamodb/lists.ts';
import { createTokenCodec } from './dynamodb/next-token.ts';
import { transactGetItems, transactWriteItems } from './dynamodb/transactions.ts';
import { createDynamoDbWire } from './dynamodb/wire.ts';
import { portableDynamoDb } from './portable.ts';

export type { ConditionHandler, ConditionHandlerEvent } from './dynamodb/context.ts';

export interface DynamoDbDataSourceOptions {
  /** Where and as whom to call DynamoDB: the client's endpoint, region, credentials and attempts (dynamodb/wire.ts). */
  client: DynamoDBClient;
  tableName: string;
  /** Seals nextTokens; tokens from a runtime with another secret are rejected. */
  tokenSecret: Buffer | string;
  /** Runs a `Custom` conditionalCheckFailedHandler's Lambda (its `lambdaArn` is the second argument). */
  customHandler?: ConditionHandler;
}

const OPERATIONS: Record<string, (req: Request, ctx: OperationContext) => Promise<DataSourceResult>> = {
  GetItem: getItem,
  PutItem: (req, ctx) => writeItem('PutItem', req, ctx),
  UpdateItem: (req, ctx) => writeItem('UpdateItem', req, ctx),
  DeleteItem: (req, ctx) => writeItem('DeleteItem', req, ctx),
  Query: query,
  Scan: scan,
  Sync: sync,
  BatchGetItem: batchGetItem,
  BatchPutItem: (req, ctx) => batchWriteItem('BatchPutItem', req, ctx),
  BatchDeleteItem: (req, ctx) => batchWriteItem('BatchDeleteItem', req, ctx),
  TransactGetItems: transactGetItems,
  TransactWriteItems: transactWriteItems,
};

export function createDynamoDbDataSource(opts: DynamoDbDataSourceOptions): DataSource {
  const tokens = createTokenCodec(opts.tokenSecret);
  const dynamodb = createDynamoDbWire(opts.client);
  return {
    type: 'AMAZON_DYNAMODB',
    portable: () => portableDynamoDb(opts.client, opts),
    invoke: (call: DataSourceInvocation) =>
      settle('DynamoDB', async () => {
        const req = call.request;
        if (!isRecord(req)) throw invalidRequest('The request handler must return an object with an operation');
        if (req.operation === undefined || req.operation === null) throw missingField('operation');
        const op = req.operation;
        const run = typeof op === 'string' && Object.hasOwn(OPERATIONS, op) ? OPERATIONS[op] : undefined;
        if (!run) {
          throw invalidRequest(
            `Unsupported operation '${String(req.operation)}'. The DynamoDB data source supports ${Object.keys(OPERATIONS).join(', ')}.`,
          );
        }
        return run(req, {
          dynamodb,
          tableName: opts.tableName,
          tokens,
          customHandler: opts.customHandler,
          call,
        });
      }),
  };
}
