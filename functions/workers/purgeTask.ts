/**
 * purgeTask: deletes what a deleted task leaves in its partition (comments, attachments — items and S3
 * objects —, time entries, history), in batches of at most 25 found by a Query on the task's
 * partition (never a Scan). deleteTask wrote a tombstone (model/keys.ts taskPurgeKey) in the same
 * transaction as the delete; every batch is a transaction conditioned on that tombstone, and the
 * tombstone is removed last, so:
 *   - a re-run (at-least-once delivery) or a concurrent run finds only what is left: idempotent;
 *   - an interrupted run leaves the tombstone, and resumePurges (a Query on the pending-purge index)
 *     or the next delivery finishes it;
 *   - no tombstone → nothing to do (a purge never touches a live task's partition).
 * S3 objects of a batch's attachments are deleted before their items (deleting an absent object
 * succeeds), and at the end every object left under the task's prefix (an upload that raced the
 * delete, an attachment whose object delete failed) is removed too.
 *
 * An upload URL issued just before the delete still works for UPLOAD_EXPIRES_SECONDS, so a pass before
 * `finalSweepAt` (deletedAt + that + UPLOAD_GRACE_MS) keeps the tombstone (done: false): a later pass
 * (resumePurges, on a schedule) sweeps the prefix again and only then removes it.
 */
import { DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ATTACHMENT_PREFIX, PURGE_SK, attachmentObjectKey, pendingPurgesQuery, taskKey, taskPk, taskPurgeKey } from '../../model/keys.ts';
import { INDEX } from '../../model/table.ts';
import { UPLOAD_EXPIRES_SECONDS, bucketName, s3Client, taskObjectPrefix } from '../attachments/s3.ts';
import { cancellationCodes, docClient, sleep, tableName } from './db.ts';

export const PURGE_BATCH = 25;
/** Margin past the last upload URL's expiry, for clock skew between the resolvers, S3 and this function. */
export const UPLOAD_GRACE_MS = 60_000;

export interface PurgeOptions {
  /** Stop after this many batches (a partial run: the tombstone stays and a later run resumes). */
  maxBatches?: number;
  /** Stop early when the invocation has less time than this left (ms). */
  deadline?: () => number;
  /** The clock (ms since the epoch): whether the final sweep is due. */
  now?: () => number;
}

export interface PurgeResult {
  taskId: string;
  /** true: the tombstone is gone (now or before). */
  done: boolean;
  deleted: number;
  objectsDeleted: number;
  /** Set while the tombstone is kept for upload URLs still valid: when a pass may remove it. */
  finalSweepAt?: string;
}

interface Tombstone {
  taskId: string;
  projectId: string;
  deletedAt: string;
}

/** When no upload URL issued before the delete can still be used. */
export function finalSweepAt(deletedAt: string): number {
  return Date.parse(deletedAt) + UPLOAD_EXPIRES_SECONDS * 1000 + UPLOAD_GRACE_MS;
}

interface Child {
  PK: string;
  SK: string;
  id?: string;
  projectId?: string;
}

async function tombstoneOf(taskId: string): Promise<Tombstone | null> {
  const r = await docClient().send(new GetCommand({ TableName: tableName(), Key: taskPurgeKey(taskId), ConsistentRead: true }));
  return (r.Item as Tombstone | undefined) ?? null;
}

/** Up to PURGE_BATCH children of the task (the tombstone excluded), strongly consistent. */
async function nextChildren(taskId: string): Promise<Child[]> {
  const children: Child[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await docClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': taskPk(taskId) },
        ProjectionExpression: 'PK, SK, id, projectId',
        ConsistentRead: true,
        Limit: PURGE_BATCH + 1,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of (r.Items ?? []) as Child[]) if (item.SK !== PURGE_SK && children.length < PURGE_BATCH) children.push(item);
    start = children.length < PURGE_BATCH ? r.LastEvaluatedKey : undefined;
  } while (start);
  return children;
}

async function deleteObject(key: string): Promise<void> {
  await s3Client().send(new DeleteObjectCommand({ Bucket: bucketName(), Key: key }));
}

/** Objects still under the task's prefix (at most 1,000 a page; the loop ends when none are left). */
async function sweepObjects(t: Tombstone): Promise<number> {
  let deleted = 0;
  for (;;) {
    const r = await s3Client().send(new ListObjectsV2Command({ Bucket: bucketName(), Prefix: taskObjectPrefix(t.projectId, t.taskId), MaxKeys: 1000 }));
    const keys = (r.Contents ?? []).map((o) => o.Key).filter((k): k is string => !!k);
    if (keys.length === 0) return deleted;
    await Promise.all(keys.map(deleteObject));
    deleted += keys.length;
  }
}

export async function purgeTask(taskId: string, opts: PurgeOptions = {}): Promise<PurgeResult> {
  const result: PurgeResult = { taskId, done: false, deleted: 0, objectsDeleted: 0 };
  const tombstone = await tombstoneOf(taskId);
  if (!tombstone) return { ...result, done: true };
  const live = await docClient().send(new GetCommand({ TableName: tableName(), Key: taskKey(taskId), ConsistentRead: true }));
  if (live.Item) throw new Error(`purgeTask: task ${taskId} still exists; refusing to purge it`);

  let batches = 0;
  for (;;) {
    if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return result;
    if (opts.deadline && opts.deadline() < 10_000) return result;
    const children = await nextChildren(taskId);
    if (children.length === 0) break;
    const objects = children
      .filter((c) => c.SK.startsWith(ATTACHMENT_PREFIX))
      .map((c) => attachmentObjectKey(tombstone.projectId, taskId, c.SK.slice(ATTACHMENT_PREFIX.length)));
    await Promise.all(objects.map(deleteObject));
    result.objectsDeleted += objects.length;
    try {
      await docClient().send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: tableName(), Key: taskPurgeKey(taskId), ConditionExpression: 'attribute_exists(PK)' } },
            ...children.map((c) => ({ Delete: { TableName: tableName(), Key: { PK: c.PK, SK: c.SK } } })),
          ],
        }),
      );
      result.deleted += children.length;
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes) throw err;
      // The tombstone is gone: another run finished the purge.
      if (codes[0] === 'ConditionalCheckFailed') return { ...result, done: true };
      // Another run is deleting the same items right now: read again and go on.
      await sleep(50 + Math.random() * 100);
    }
    batches += 1;
  }

  result.objectsDeleted += await sweepObjects(tombstone);
  const due = finalSweepAt(tombstone.deletedAt);
  // An unparsable deletedAt (NaN) is never due: keeping the tombstone is the safe mistake.
  if (!((opts.now ?? Date.now)() >= due)) return { ...result, finalSweepAt: Number.isNaN(due) ? undefined : new Date(due).toISOString() };
  try {
    await docClient().send(new DeleteCommand({ TableName: tableName(), Key: taskPurgeKey(taskId), ConditionExpression: 'attribute_exists(PK)' }));
  } catch (err) {
    // Already removed by a concurrent run: the purge is complete either way.
    if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
  }
  return { ...result, done: true };
}

/** Finishes interrupted purges: every pending tombstone (oldest first, up to `limit`), by Query. */
export async function resumePurges(limit = 25, opts: PurgeOptions = {}): Promise<PurgeResult[]> {
  const q = pendingPurgesQuery();
  const r = await docClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: INDEX.byParent.name,
      KeyConditionExpression: `${INDEX.byParent.pk} = :pk`,
      ExpressionAttributeValues: { ':pk': q.GSI4PK },
      Limit: limit,
    }),
  );
  const results: PurgeResult[] = [];
  for (const t of (r.Items ?? []) as Tombstone[]) results.push(await purgeTask(t.taskId, opts));
  return results;
}
