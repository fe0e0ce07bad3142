/**
 * Tasks: the item's shape, its index attributes (always through model/keys.ts `taskIndexKeys`), the
 * transact items every task write uses, and the story progress counters a task contributes to.
 *
 *   TaskItem                         a task as stored (GraphQL Task fields + entity/keys)
 *   taskPut(table, task)             conditional create (attribute_not_exists), index attributes set
 *   taskChange(table, before, fields, now)
 *                                    versioned update (condition version = before.version) that SETs the
 *                                    given fields (null → REMOVE) and recomputes every index attribute;
 *                                    returns { tx, after } — `after` is the item as written
 *   storyCounters(table, before, after)
 *                                    increments the stories' tasksTotal/tasksDone/pointsTotal/pointsDone by the deltas
 *                                    (SET #a = #a + :v on AppSync: createStory sets all four to 0)
 *                                    (one update per touched story; none when nothing changes). Derived
 *                                    counters do not bump the story's `version` (they are not edits).
 *   taskActivity(ctx-ish, task, action, changes, now)
 *                                    the Activity put in the task's partition
 *   taskNotDeleted(table, taskId)    transact check that the task's purge tombstone is absent: deleteTask
 *                                    writes it with the delete and it outlives every request, so for a
 *                                    task loaded in this request it means "still exists" — without
 *                                    touching (and racing) the task item. TASK_GONE explains a failure.
 */
import { util } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, storyKey, taskIndexKeys, taskKey, taskPurgeKey, type TaskStatusKey } from '../../model/keys.ts';
import type { ActivityAction, Priority } from '../../types/graphql.ts';
import { activityItem, diff, type FieldChange } from './activity.ts';
import { now } from './ids.ts';
import { tableName } from './table.ts';
import type { Actor } from './actor.ts';
import { CONFLICT, NOT_FOUND, conflict, notFound } from './errors.ts';
import { createCondition, versionedUpdate } from './versioned.ts';
import type { Stash } from './stash.ts';

export const TASK_STATUSES: TaskStatusKey[] = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'];
export const PRIORITIES: Priority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];
export const MAX_POINTS = 1000;

export interface TaskItem {
  entity: string;
  id: string;
  projectId: string;
  number: number;
  key: string;
  title: string;
  description: string | null;
  status: TaskStatusKey;
  priority: Priority;
  labels: string[];
  assigneeId: string | null;
  reporterId: string;
  storyId: string | null;
  sprintId: string | null;
  dueAt: string | null;
  estimatePoints: number | null;
  timeSpentMinutes: number;
  rank: string;
  archived: boolean;
  archivedAt: string | null;
  deletedAt?: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Fields whose changes the activity history records for a task. */
export const TRACKED_FIELDS = [
  'title',
  'description',
  'status',
  'priority',
  'labels',
  'assigneeId',
  'storyId',
  'sprintId',
  'dueAt',
  'estimatePoints',
  'rank',
  'archived',
];

function indexAttributes(t: TaskItem): Record<string, string | null> {
  return taskIndexKeys({
    id: t.id,
    projectId: t.projectId,
    status: t.status,
    rank: t.rank,
    assigneeId: t.assigneeId,
    dueAt: t.dueAt,
    sprintId: t.sprintId,
    storyId: t.storyId,
  });
}

export function taskPut(table: string, task: TaskItem) {
  const item = Object.assign({}, task, { entity: ENTITY.task }) as unknown as Record<string, unknown>;
  const idx = indexAttributes(task);
  Object.keys(idx).forEach((k) => {
    if (idx[k] !== null) item[k] = idx[k];
  });
  return { putItem: { table, key: taskKey(task.id), item, condition: createCondition } };
}

export function taskChange(table: string, before: TaskItem, fields: Record<string, unknown>, now: string) {
  const after = Object.assign({}, before, fields, { version: before.version + 1, updatedAt: now }) as TaskItem;
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  Object.keys(fields).forEach((k) => {
    if (fields[k] === null || fields[k] === undefined) remove.push(k);
    else set[k] = fields[k];
  });
  const idx = indexAttributes(after);
  Object.keys(idx).forEach((k) => {
    if (idx[k] === null) remove.push(k);
    else set[k] = idx[k];
  });
  const tx = versionedUpdate({ table, key: taskKey(before.id), expectedVersion: before.version, set, remove, now });
  return { tx, after };
}

interface Contribution {
  tasksTotal: number;
  tasksDone: number;
  pointsTotal: number;
  pointsDone: number;
}

function contribution(t: TaskItem | null, storyId: string): Contribution {
  if (!t || t.storyId !== storyId) return { tasksTotal: 0, tasksDone: 0, pointsTotal: 0, pointsDone: 0 };
  const done = t.status === 'DONE' ? 1 : 0;
  const points = t.estimatePoints ?? 0;
  return { tasksTotal: 1, tasksDone: done, pointsTotal: points, pointsDone: points * done };
}

function counterUpdate(table: string, storyId: string, before: TaskItem | null, after: TaskItem | null) {
  const b = contribution(before, storyId);
  const a = contribution(after, storyId);
  const delta: Contribution = {
    tasksTotal: a.tasksTotal - b.tasksTotal,
    tasksDone: a.tasksDone - b.tasksDone,
    pointsTotal: a.pointsTotal - b.pointsTotal,
    pointsDone: a.pointsDone - b.pointsDone,
  };
  const update: Record<string, unknown> = {};
  (Object.keys(delta) as (keyof Contribution)[]).forEach((k) => {
    if (delta[k] !== 0) update[k] = ddb.operations.increment(delta[k]);
  });
  if (Object.keys(update).length === 0) return null;
  return { updateItem: { table, key: storyKey(storyId), update, condition: { PK: { attributeExists: true } } } };
}

type CounterTx = NonNullable<ReturnType<typeof counterUpdate>>;

export function storyCounters(table: string, before: TaskItem | null, after: TaskItem | null): CounterTx[] {
  const ids: string[] = [];
  if (before && before.storyId) ids.push(before.storyId);
  if (after && after.storyId && ids.indexOf(after.storyId) < 0) ids.push(after.storyId);
  const updates: CounterTx[] = [];
  ids.forEach((id) => {
    const u = counterUpdate(table, id, before, after);
    if (u) updates.push(u);
  });
  return updates;
}

export function taskActivity(
  table: string,
  actor: Actor,
  task: TaskItem,
  action: ActivityAction,
  changes: FieldChange[],
  now: string,
  /** A child of the task the entry is about (a comment), in the task's history. */
  child?: { entityType: 'COMMENT' | 'ATTACHMENT' | 'TIME_ENTRY'; entityId: string },
) {
  return activityItem({
    table,
    projectId: task.projectId,
    taskId: task.id,
    entityType: child ? child.entityType : 'TASK',
    entityId: child ? child.entityId : task.id,
    action,
    actor,
    changes,
    now,
  });
}

export function taskNotDeleted(table: string, taskId: string) {
  return { conditionCheck: { table, key: taskPurgeKey(taskId), condition: { PK: { attributeExists: false } } } };
}

export const TASK_GONE = { type: NOT_FOUND, message: 'Task not found' };

interface TxReason {
  type?: string | null;
  item?: Record<string, unknown> | null;
}

/**
 * The outcome of a task transaction: returns normally when it succeeded. A failed condition on the
 * task's own versioned write (`taskIndex`) → ConflictError { currentVersion } (NotFound when the task is
 * gone); a failure on item i ≠ taskIndex → `explain[i]` as a ValidationError/Conflict message chosen by
 * the caller; a TransactionConflict (another transaction on the same items) → ConflictError too.
 */
export function taskTxOutcome(
  ctx: { error?: { message: string; type: string } | null; result?: unknown },
  taskIndex: number,
  explain: Record<string, { type: string; message: string }>,
): void {
  if (!ctx.error) return;
  if (ctx.error.type !== 'DynamoDB:TransactionCanceledException') {
    util.error(ctx.error.message, ctx.error.type);
    return;
  }
  const reasons = (((ctx.result ?? {}) as { cancellationReasons?: TxReason[] | null }).cancellationReasons ?? []).map(
    (r) => r ?? {},
  );
  const failed = reasons.findIndex((r) => r.type === 'ConditionalCheckFailed');
  const raced = reasons.findIndex((r) => r.type === 'TransactionConflict');
  if (failed < 0 && raced >= 0) {
    util.error('Another change to this task was being written at the same moment; reload and try again', CONFLICT, null, {
      currentVersion: null,
      reason: 'TRANSACTION_CONFLICT',
    });
    return;
  }
  if (failed === taskIndex) {
    const item = reasons[failed]?.item ?? null;
    if (!item) {
      notFound('Task');
      return;
    }
    conflict(typeof item.version === 'number' ? item.version : null);
    return;
  }
  const e = explain[`${failed}`];
  if (e) {
    util.error(e.message, e.type);
    return;
  }
  util.error(ctx.error.message, ctx.error.type);
}

/**
 * The usual write step of a task operation: applies `fields` to `ctx.stash.task` (versioned on the
 * version read), appends the activity, keeps story counters in step, and adds `extra` transact items
 * (which then sit at index 2 + number of counter updates onward). Leaves the written item in
 * `ctx.stash.taskAfter`; pair with `taskWriteResult(ctx)` in the response.
 */
export function taskWriteRequest(
  ctx: { env?: Record<string, string> | null; stash: Stash },
  fields: Record<string, unknown>,
  action: ActivityAction,
  extra?: unknown[],
) {
  const table = tableName(ctx);
  const before = ctx.stash.task;
  const at = now();
  const { tx, after } = taskChange(table, before, fields, at);
  ctx.stash.taskAfter = after;
  const changes = diff(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, TRACKED_FIELDS);
  const items: unknown[] = [tx, taskActivity(table, ctx.stash.actor, after, action, changes, at)];
  storyCounters(table, before, after).forEach((u) => items.push(u));
  ctx.stash.extraIndex = items.length;
  (extra ?? []).forEach((x) => items.push(x));
  return ddb.transactWrite({ items: items as never });
}

export function taskWriteResult(
  ctx: { error?: { message: string; type: string } | null; result?: unknown; stash: Stash },
  explainExtra?: { type: string; message: string },
): TaskItem {
  const explain: Record<string, { type: string; message: string }> = {};
  const counters = ctx.stash.extraIndex - 2;
  [2, 3].slice(0, counters).forEach((i) => {
    explain[`${i}`] = { type: CONFLICT, message: 'The linked story changed at the same time; reload and try again' };
  });
  if (explainExtra) explain[`${ctx.stash.extraIndex}`] = explainExtra;
  taskTxOutcome(ctx, 0, explain);
  return ctx.stash.taskAfter;
}

/** The filter every task list applies unless `includeArchived` is set. */
export function archivedFilter(includeArchived: boolean | null | undefined) {
  return includeArchived ? undefined : { archived: { ne: true } };
}
