/**
 * Table access of the `workers` function: a DocumentClient over the shared DynamoDB client (endpoint
 * from AWS_ENDPOINT_URL_DYNAMODB locally), the table name from TABLE_NAME, and the SDK Put of the
 * Activity item the resolvers write (the item itself: model/activity.ts).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { activityRecord, change } from '../../model/activity.ts';
import { dynamoDbClient } from '../lib/clients.ts';
import { requireEnv } from '../lib/env.ts';
import { ulid } from '../lib/tokens.ts';

let doc: { over: DynamoDBClient; client: DynamoDBDocumentClient } | undefined;

/** A DocumentClient over the shared client (made again when that client is). */
export function docClient(): DynamoDBDocumentClient {
  const over = dynamoDbClient();
  if (doc?.over !== over) doc = { over, client: DynamoDBDocumentClient.from(over, { marshallOptions: { removeUndefinedValues: true } }) };
  return doc.client;
}


export function tableName(): string {
  return requireEnv('TABLE_NAME');
}

/** The actor id of changes Taskwire's own functions make (as resolvers/lib/actor.ts names IAM callers). */
export const SYSTEM_ACTOR = 'system';

export interface ActivityInput {
  projectId: string;
  taskId?: string | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
  now: string;
}

/** The transact Put of one Activity item (conditional create), in the resolvers' exact shape (model/activity.ts). */
export function activityPut(a: ActivityInput) {
  const { key, item } = activityRecord({
    id: ulid(),
    projectId: a.projectId,
    taskId: a.taskId,
    entityType: a.entityType,
    entityId: a.entityId,
    actorId: SYSTEM_ACTOR,
    action: a.action,
    changes: a.changes.map((c) => change(c.field, c.before, c.after)),
    createdAt: a.now,
  });
  return { Put: { TableName: tableName(), Item: { ...key, ...item }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** The cancellation reason codes of a failed TransactWriteItems, or null for any other error. */
export function cancellationCodes(err: unknown): string[] | null {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (e?.name !== 'TransactionCanceledException') return null;
  return (e.CancellationReasons ?? []).map((r) => r?.Code ?? 'None');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
