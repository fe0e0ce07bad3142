/**
 * carryOverSprint: moves every unfinished task (status ≠ DONE) of a COMPLETED sprint whose
 * carryOverDone is false to the sprint it names (carriedOverTo) or to the backlog, then sets
 * carryOverDone: true — the flag readers trust, set last.
 *
 * Each task moves in its own transaction: the versioned update (condition: the version just read AND
 * still in this sprint), with every index attribute recomputed by model/keys.ts `taskIndexKeys`, plus
 * its Activity. A task a concurrent run (or a person) moved first fails that condition and is re-read,
 * then skipped: running twice, or twice at once, moves each task once with one activity. The sprint's
 * tasks are found by Query on the bySprint index (never a Scan), pass after pass until one finds none
 * that needs moving.
 * Before moving anything it records the sprint's committedPoints/completedPoints (what its partition
 * holds at completion) unless completeSprint already did (it does when it saw the whole sprint), so the
 * reports read one item per completed sprint.
 * Returns the tasks this run moved (the caller publishes them).
 */
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { sprintKey, sprintPk, taskIndexKeys, taskKey, type TaskIndexFields } from '../../model/keys.ts';
import { INDEX } from '../../model/table.ts';
import { sprintPointTotals } from '../reports/source.ts';
import { activityPut, cancellationCodes, docClient, sleep, tableName } from './db.ts';

export interface CarryOverOptions {
  /** Tasks moved at the same time (default 4). */
  concurrency?: number;
  /** Stop early when the invocation has less time than this left (ms). */
  deadline?: () => number;
}

export interface CarryOverResult {
  sprintId: string;
  projectId: string | null;
  /** carryOverDone is true now (this run or an earlier one set it). */
  done: boolean;
  /** Why nothing was done, when nothing was. */
  skipped?: 'NOT_FOUND' | 'NOT_COMPLETED' | 'ALREADY_DONE';
  moved: { projectId: string; id: string }[];
}

interface SprintRow {
  entity: string;
  id: string;
  projectId: string;
  state: string;
  carriedOverTo?: string | null;
  carryOverDone?: boolean | null;
  committedPoints?: number | null;
  version: number;
}

/** A task as read: the fields its index keys come from (model/keys.ts), plus entity and version. */
interface TaskRow extends TaskIndexFields {
  entity: string;
  version: number;
}

async function get<T>(key: { PK: string; SK: string }): Promise<T | null> {
  const r = await docClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return (r.Item as T | undefined) ?? null;
}

/** One pass over the sprint's partition of the bySprint index: ids of tasks not DONE. */
async function unfinishedIds(sprintId: string): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await docClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.bySprint.name,
        KeyConditionExpression: `${INDEX.bySprint.pk} = :pk`,
        FilterExpression: '#status <> :done',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': sprintPk(sprintId), ':done': 'DONE' },
        ProjectionExpression: 'id',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of r.Items ?? []) ids.push(String(item.id));
    start = r.LastEvaluatedKey;
  } while (start);
  return ids;
}

/** Moves one task if it still needs moving; true when this call moved it. */
async function moveTask(sprint: SprintRow, taskId: string, target: string | null): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const task = await get<TaskRow>(taskKey(taskId));
    if (!task || task.entity !== 'Task' || task.sprintId !== sprint.id || task.status === 'DONE') return false;
    const now = new Date().toISOString();
    const index = taskIndexKeys({ ...task, sprintId: target });
    const set: Record<string, unknown> = { updatedAt: now };
    const remove: string[] = [];
    if (target) set.sprintId = target;
    else remove.push('sprintId');
    for (const [k, v] of Object.entries(index)) {
      if (v === null) remove.push(k);
      else set[k] = v;
    }
    const names: Record<string, string> = { '#version': 'version', '#sprintId': 'sprintId' };
    const values: Record<string, unknown> = { ':expected': task.version, ':one': 1, ':sprint': sprint.id };
    const sets = Object.entries(set).map(([k, v], i) => {
      names[`#s${i}`] = k;
      values[`:s${i}`] = v;
      return `#s${i} = :s${i}`;
    });
    const removes = remove.map((k, i) => {
      names[`#r${i}`] = k;
      return `#r${i}`;
    });
    try {
      await docClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName(),
                Key: taskKey(taskId),
                UpdateExpression: `SET ${sets.join(', ')}, #version = #version + :one${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
                ConditionExpression: '#version = :expected AND #sprintId = :sprint',
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
            activityPut({
              projectId: task.projectId,
              taskId: task.id,
              entityType: 'TASK',
              entityId: task.id,
              action: 'UPDATED',
              changes: [{ field: 'sprintId', before: sprint.id, after: target }],
              now,
            }),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (!cancellationCodes(err)) throw err;
      // Changed or moved meanwhile (or a concurrent transaction on it): read it again.
      await sleep(20 + Math.random() * 80);
    }
  }
  throw new Error(`carryOverSprint: task ${taskId} kept changing; a later run will move it`);
}

/**
 * Records the sprint's points once, before any task leaves it (a derived figure, not an edit: the
 * version is not bumped). A run resumed after some moves finds them recorded already.
 */
async function recordPoints(sprint: SprintRow): Promise<void> {
  if (typeof sprint.committedPoints === 'number') return;
  const totals = await sprintPointTotals(sprint.id);
  try {
    await docClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: sprintKey(sprint.id),
        UpdateExpression: 'SET committedPoints = :c, completedPoints = :d',
        ConditionExpression: 'attribute_not_exists(committedPoints) AND #state = :completed',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':c': totals.committedPoints, ':d': totals.completedPoints, ':completed': 'COMPLETED' },
      }),
    );
  } catch (err) {
    // A concurrent run recorded them first.
    if ((err as { name?: string })?.name !== 'ConditionalCheckFailedException') throw err;
  }
}

async function markDone(sprint: SprintRow): Promise<void> {
  const now = new Date().toISOString();
  try {
    await docClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: sprintKey(sprint.id),
              UpdateExpression: 'SET carryOverDone = :true, updatedAt = :now, #version = #version + :one',
              ConditionExpression: '#state = :completed AND carryOverDone = :false',
              ExpressionAttributeNames: { '#version': 'version', '#state': 'state' },
              ExpressionAttributeValues: { ':true': true, ':false': false, ':now': now, ':one': 1, ':completed': 'COMPLETED' },
            },
          },
          activityPut({
            projectId: sprint.projectId,
            entityType: 'SPRINT',
            entityId: sprint.id,
            action: 'UPDATED',
            changes: [{ field: 'carryOverDone', before: false, after: true }],
            now,
          }),
        ],
      }),
    );
  } catch (err) {
    const codes = cancellationCodes(err);
    if (!codes) throw err;
    // A concurrent run set it first (condition failed): the job is done either way.
    const current = await get<SprintRow>(sprintKey(sprint.id));
    if (!current || current.carryOverDone !== true) throw err;
  }
}

export async function carryOverSprint(sprintId: string, opts: CarryOverOptions = {}): Promise<CarryOverResult> {
  const sprint = await get<SprintRow>(sprintKey(sprintId));
  const result: CarryOverResult = { sprintId, projectId: sprint?.projectId ?? null, done: false, moved: [] };
  if (!sprint || sprint.entity !== 'Sprint') return { ...result, skipped: 'NOT_FOUND' };
  if (sprint.state !== 'COMPLETED') return { ...result, skipped: 'NOT_COMPLETED' };
  if (sprint.carryOverDone !== false) return { ...result, done: true, skipped: 'ALREADY_DONE' };
  const target = sprint.carriedOverTo ?? null;
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  await recordPoints(sprint);

  for (let pass = 0; ; pass++) {
    if (pass >= 20) throw new Error(`carryOverSprint: sprint ${sprintId} still has unfinished tasks after ${pass} passes`);
    const ids = await unfinishedIds(sprintId);
    if (ids.length === 0) break;
    let next = 0;
    const before = result.moved.length;
    const lanes = Array.from({ length: Math.min(concurrency, ids.length) }, async () => {
      while (next < ids.length) {
        if (opts.deadline && opts.deadline() < 10_000) return;
        const id = ids[next++]!;
        if (await moveTask(sprint, id, target)) result.moved.push({ projectId: sprint.projectId, id });
      }
    });
    await Promise.all(lanes);
    if (opts.deadline && opts.deadline() < 10_000) return result;
    // Every task the index still lists was re-read and needs no move (moved by a concurrent run, or
    // the index lags behind): nothing is left to do.
    if (result.moved.length === before) break;
  }
  await markDone(sprint);
  return { ...result, done: true };
}
