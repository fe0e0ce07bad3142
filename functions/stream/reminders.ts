/**
 * Keeps each task's two one-time schedules in step with the task (docs/events.md "Reminders"):
 *   task-<id>-remind   at dueAt − the assignee's reminderLeadMinutes, written in the assignee's time zone
 *   task-<id>-overdue  at dueAt
 * (the first only while the lead is not 0, which turns reminders off), both present while the task has a due date and an assignee and is neither DONE, archived nor
 * deleted; otherwise both are deleted. The desired state is computed from the task and profile AS THEY
 * ARE NOW (strongly consistent reads), never from the record's image, so a record delivered twice, or
 * late, converges on the same schedules.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { assigneePk, assigneeStatusPrefix, ENTITY, taskKey } from '../../model/keys.ts';
import { INDEX } from '../../model/table.ts';
import { person } from '../lib/people.ts';
import { deleteSchedule, overdueScheduleName, reminderScheduleName, upsertOneTime } from '../lib/schedules.ts';
import { docClient, tableName } from '../workers/db.ts';
import type { Change, Item } from './records.ts';

/** A schedule due in the past fires this long after now instead (a task due sooner than its lead). */
export const CATCH_UP_MS = 5_000;

export interface ReminderPlan {
  remindAt: number | null;
  overdueAt: number | null;
  timeZone: string;
}

/** Task fields whose change can move or remove its schedules. */
const FIELDS = ['dueAt', 'assigneeId', 'status', 'archived'];

export function touchesSchedules(change: Change): boolean {
  if (change.entity === ENTITY.task) {
    if (change.eventName !== 'MODIFY') return Boolean((change.new ?? change.old)?.dueAt);
    return FIELDS.some((f) => JSON.stringify(change.old?.[f] ?? null) !== JSON.stringify(change.new?.[f] ?? null));
  }
  return false;
}

/** A profile change that moves its owner's reminders (lead time or time zone). */
export function profileMovesReminders(change: Change): string | null {
  if (change.entity !== ENTITY.profile || change.eventName !== 'MODIFY') return null;
  const moved = ['reminderLeadMinutes', 'timeZone'].some((f) => change.old?.[f] !== change.new?.[f]);
  return moved ? String(change.new?.id ?? String(change.new?.PK ?? '').slice('USER#'.length)) : null;
}

/** Brings the task's schedules to what the task needs now. */
export async function syncTaskSchedules(taskId: string, now: number = Date.now()): Promise<ReminderPlan> {
  const r = await docClient().send(new GetCommand({ TableName: tableName(), Key: taskKey(taskId), ConsistentRead: true }));
  const task = r.Item as Item | undefined;
  const due = typeof task?.dueAt === 'string' ? Date.parse(task.dueAt) : NaN;
  const live = task && task.entity === ENTITY.task && task.archived !== true && task.status !== 'DONE' && typeof task.assigneeId === 'string' && !Number.isNaN(due);
  if (!live) {
    await Promise.all([deleteSchedule(reminderScheduleName(taskId)), deleteSchedule(overdueScheduleName(taskId))]);
    return { remindAt: null, overdueAt: null, timeZone: 'UTC' };
  }
  const userId = task.assigneeId as string;
  const projectId = String(task.projectId);
  const dueAt = task.dueAt as string;
  const who = await person(userId, projectId);
  const remindAt = due - who.reminderLeadMinutes * 60_000;
  const plan: ReminderPlan = { remindAt: null, overdueAt: Math.max(due, now + CATCH_UP_MS), timeZone: who.timeZone };
  const label = `${String(task.key ?? taskId)}`;
  // A lead of 0 turns "due soon" reminders off (updateProfile); the overdue alert stays.
  if (due > now && who.reminderLeadMinutes > 0) {
    plan.remindAt = Math.max(remindAt, now + CATCH_UP_MS);
    await upsertOneTime(reminderScheduleName(taskId), plan.remindAt, who.timeZone, { kind: 'DUE_SOON', taskId, projectId, dueAt, userId }, `Reminder: ${label} is due ${dueAt}`);
  } else {
    // Already due (the overdue alert says it), or reminders turned off.
    await deleteSchedule(reminderScheduleName(taskId));
  }
  await upsertOneTime(overdueScheduleName(taskId), plan.overdueAt!, 'UTC', { kind: 'OVERDUE', taskId, projectId, dueAt, userId }, `Overdue: ${label} was due ${dueAt}`);
  return plan;
}

/** Re-syncs every open task assigned to the user (a Query of byAssignee per open status). */
export async function syncAssigneeSchedules(userId: string): Promise<number> {
  let n = 0;
  for (const prefix of (['TODO', 'IN_PROGRESS', 'IN_REVIEW'] as const).map(assigneeStatusPrefix)) {
    let start: Record<string, unknown> | undefined;
    do {
      const r = await docClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: INDEX.byAssignee.name,
          KeyConditionExpression: `${INDEX.byAssignee.pk} = :pk AND begins_with(${INDEX.byAssignee.sk}, :p)`,
          ExpressionAttributeValues: { ':pk': assigneePk(userId), ':p': prefix },
          ProjectionExpression: 'id, dueAt',
          ExclusiveStartKey: start,
        }),
      );
      for (const t of r.Items ?? []) {
        if (typeof t.dueAt === 'string') {
          await syncTaskSchedules(String(t.id));
          n += 1;
        }
      }
      start = r.LastEvaluatedKey;
    } while (start);
  }
  return n;
}
