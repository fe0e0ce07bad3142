/**
 * Query, Scan and Sync: `{items, nextToken, scannedCount}` (Sync adds `startedAt`). `limit` is passed to
 * DynamoDB as is, so it bounds the items evaluated, and a filter may return fewer (as on AppSync).
 */
import type { QueryCommandInput, ScanCommandInput } from '@aws-sdk/client-dynamodb';
import type { DataSourceResult } from '../../types.ts';
import { invalidRequest } from '../errors.ts';
import { readBoolean, readPositiveInt, type OperationContext, type Request } from './context.ts';
import { attributeParams, readExpression, readProjection } from './expressions.ts';
import type { TokenScope } from './next-token.ts';
import { fromAttributeMap, type AttributeMap } from './values.ts';

const SELECT = new Set(['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT']);

function readIndex(req: Request): string | undefined {
  if (req.index === undefined || req.index === null) return undefined;
  if (typeof req.index !== 'string' || !req.index) throw invalidRequest("'index' must be an index name");
  return req.index;
}

function readSelect(req: Request): QueryCommandInput['Select'] {
  if (req.select === undefined || req.select === null) return undefined;
  if (typeof req.select !== 'string' || !SELECT.has(req.select)) {
    throw invalidRequest(`'select' must be one of ${[...SELECT].join(', ')}`);
  }
  return req.select as QueryCommandInput['Select'];
}

interface Page {
  Items?: AttributeMap[];
  LastEvaluatedKey?: AttributeMap;
  ScannedCount?: number;
}

function pageResult(page: Page, scope: TokenScope, ctx: OperationContext) {
  return {
    items: (page.Items ?? []).map(fromAttributeMap),
    nextToken: ctx.tokens.encode(page.LastEvaluatedKey, scope),
    scannedCount: page.ScannedCount ?? 0,
  };
}

export async function query(req: Request, ctx: OperationContext): Promise<DataSourceResult> {
  const keyCondition = readExpression(req, 'query', { required: true })!;
  const filter = readExpression(req, 'filter');
  const projection = readProjection(req);
  const index = readIndex(req);
  const scope: TokenScope = { resolverId: ctx.call.resolverId, operation: 'Query', table: ctx.tableName, index };
  const input: QueryCommandInput = {
    TableName: ctx.tableName,
    IndexName: index,
    KeyConditionExpression: keyCondition.expression,
    FilterExpression: filter?.expression,
    ProjectionExpression: projection?.expression,
    ...attributeParams(keyCondition, filter, projection),
    Limit: readPositiveInt(req, 'limit'),
    ExclusiveStartKey: ctx.tokens.decode(req.nextToken, scope),
    ScanIndexForward: readBoolean(req, 'scanIndexForward'),
    ConsistentRead: readBoolean(req, 'consistentRead'),
    Select: readSelect(req),
  };
  const page = await ctx.dynamodb.call<Page>('Query', input);
  return { result: pageResult(page, scope, ctx) };
}

function readSegments(req: Request): { Segment?: number; TotalSegments?: number } {
  const total = readPositiveInt(req, 'totalSegments');
  const segment = req.segment;
  if (total === undefined && (segment === undefined || segment === null)) return {};
  if (total === undefined || typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0 || segment >= total) {
    throw invalidRequest("'segment' and 'totalSegments' go together, with 0 <= segment < totalSegments");
  }
  return { Segment: segment, TotalSegments: total };
}

export async function scan(req: Request, ctx: OperationContext): Promise<DataSourceResult> {
  const filter = readExpression(req, 'filter');
  const projection = readProjection(req);
  const index = readIndex(req);
  const segments = readSegments(req);
  const scope: TokenScope = {
    resolverId: ctx.call.resolverId,
    operation: 'Scan',
    table: ctx.tableName,
    index,
    segment: segments.Segment,
  };
  const input: ScanCommandInput = {
    TableName: ctx.tableName,
    IndexName: index,
    FilterExpression: filter?.expression,
    ProjectionExpression: projection?.expression,
    ...attributeParams(filter, projection),
    Limit: readPositiveInt(req, 'limit'),
    ExclusiveStartKey: ctx.tokens.decode(req.nextToken, scope),
    ConsistentRead: readBoolean(req, 'consistentRead'),
    Select: readSelect(req),
    ...segments,
  };
  const page = await ctx.dynamodb.call<Page>('Scan', input);
  return { result: pageResult(page, scope, ctx) };
}

/**
 * Sync, best effort. On AppSync it serves Amplify DataStore from a versioned data source: a base-table
 * scan for a full sync, the delta table (`deltaIndexName`, `lastSync`) for a delta sync. Taskwire's
 * table is not versioned, so this is a paginated, filtered scan of the base table; `lastSync`,
 * `basePartitionKey` and `deltaIndexName` are ignored. `startedAt` is the epoch milliseconds at which
 * this page was read, as AppSync returns it.
 */
export async function sync(req: Request, ctx: OperationContext): Promise<DataSourceResult> {
  const startedAt = Date.now();
  const filter = readExpression(req, 'filter');
  const scope: TokenScope = { resolverId: ctx.call.resolverId, operation: 'Sync', table: ctx.tableName };
  const page = await ctx.dynamodb.call<Page>('Scan', {
    TableName: ctx.tableName,
    FilterExpression: filter?.expression,
    ...attributeParams(filter),
    Limit: readPositiveInt(req, 'limit'),
    ExclusiveStartKey: ctx.tokens.decode(req.nextToken, scope),
  });
  return { result: { ...pageResult(page, scope, ctx), startedAt } };
}
