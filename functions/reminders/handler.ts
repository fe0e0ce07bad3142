/**
 * Lambda `reminders`: the target of Taskwire's one-time schedules (functions/lib/schedules.ts).
 *
 *   { kind: 'DUE_SOON' | 'OVERDUE', taskId, projectId, dueAt, userId }
 *       Re-reads the task at fire time and skips it when it is gone, archived, DONE, re-dated (dueAt
 *       differs), or moved to someone else. Otherwise notifies the assignee in-app and by email
 *       (unless they turned email off), ONCE per (task, dueAt, recipient, kind):
 *         1. a delivery item (model/keys.ts reminderDeliveryKey) is created, or taken over when an
 *            earlier delivery died before finishing (its lease ran out) — any other delivery stops;
 *         2. the notification (publishNotification; its id derived from the same four values);
 *         3. the email, unless the item says it went already; then the item records it;
 *         4. the item is marked done.
 *       A schedule delivered three times sends one email and stores one notification.
 *   { kind: 'DIGEST', userId, taskId, windowEndsAt }   sends a pending email digest (notify/digest.ts)
 *
 * Env: TABLE_NAME, APPSYNC_URL, SENDER_EMAIL, WEB_URL; AWS_ENDPOINT_URL_<SERVICE> locally.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ENTITY, REMINDER_ENTITY, reminderDeliveryKey, taskKey } from '../../model/keys.ts';
import { TTL_ATTRIBUTE } from '../../model/table.ts';
import { render, send, taskUrl } from '../lib/email.ts';
import { publishNotification } from '../lib/notifications.ts';
import { person } from '../lib/people.ts';
import type { ReminderEvent } from '../lib/schedules.ts';
import { docClient, tableName } from '../workers/db.ts';
import { flushDigest, LEASE_MS, type FlushResult } from '../notify/digest.ts';

export interface ReminderResult {
  delivered: boolean;
  skipped?: 'GONE' | 'ARCHIVED' | 'DONE' | 'REDATED' | 'REASSIGNED' | 'DUPLICATE';
  notificationId?: string;
  emailed?: boolean;
}

/** Delivery items outlive any retry of the schedule (and a later re-creation of it). */
const DELIVERY_TTL_SECONDS = 90 * 86_400;

async function claim(key: { PK: string; SK: string }, now: number): Promise<{ token: string; item: Record<string, unknown> } | null> {
  const token = `${now}-${Math.random().toString(36).slice(2)}`;
  try {
    const r = await docClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET entity = :e, claim = :t, leaseUntil = :lease, #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(PK) OR (attribute_not_exists(doneAt) AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':e': REMINDER_ENTITY, ':t': token, ':lease': now + LEASE_MS, ':now': now, ':ttl': Math.floor(now / 1000) + DELIVERY_TTL_SECONDS },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { token, item: r.Attributes ?? {} };
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return null;
    throw err;
  }
}

async function mark(key: { PK: string; SK: string }, token: string, field: 'emailedAt' | 'doneAt', now: number): Promise<void> {
  await docClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression: `SET ${field} = :now`,
      ConditionExpression: 'claim = :t',
      ExpressionAttributeValues: { ':now': new Date(now).toISOString(), ':t': token },
    }),
  );
}

function fmt(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso)) + ` (${timeZone})`;
  } catch {
    return iso;
  }
}

async function remind(e: Extract<ReminderEvent, { kind: 'DUE_SOON' | 'OVERDUE' }>, now: number): Promise<ReminderResult> {
  const r = await docClient().send(new GetCommand({ TableName: tableName(), Key: taskKey(e.taskId), ConsistentRead: true }));
  const task = r.Item;
  if (!task || task.entity !== ENTITY.task) return { delivered: false, skipped: 'GONE' };
  if (task.archived === true) return { delivered: false, skipped: 'ARCHIVED' };
  if (task.status === 'DONE') return { delivered: false, skipped: 'DONE' };
  if (task.dueAt !== e.dueAt) return { delivered: false, skipped: 'REDATED' };
  if (task.assigneeId !== e.userId) return { delivered: false, skipped: 'REASSIGNED' };

  const key = reminderDeliveryKey(e.taskId, e.kind, e.dueAt, e.userId);
  const claimed = await claim(key, now);
  if (!claimed) return { delivered: false, skipped: 'DUPLICATE' };

  const projectId = String(task.projectId);
  const who = await person(e.userId, projectId);
  const label = `${String(task.key)} ${String(task.title)}`;
  const due = fmt(e.dueAt, who.timeZone);
  const title = e.kind === 'DUE_SOON' ? `Due soon: ${label}` : `Overdue: ${label}`;
  const body = e.kind === 'DUE_SOON' ? `Due ${due}` : `Was due ${due}`;
  const notificationId = await publishNotification({
    userId: e.userId,
    kind: e.kind,
    projectId,
    taskId: e.taskId,
    title,
    body,
    seed: `${e.kind}|${e.taskId}|${e.dueAt}|${e.userId}`,
    at: Date.parse(e.dueAt),
  });
  let emailed = typeof claimed.item.emailedAt === 'string';
  if (!emailed && who.emailNotifications && who.email) {
    const url = taskUrl(projectId, e.taskId);
    await send(
      render({
        to: who.email,
        subject: `[${String(task.key)}] ${e.kind === 'DUE_SOON' ? 'Due soon' : 'Overdue'}: ${String(task.title)}`,
        heading: title,
        lines: [body, `Status: ${String(task.status)}`],
        link: url ? { url, label: `Open ${String(task.key)}` } : null,
      }),
    );
    await mark(key, claimed.token, 'emailedAt', now);
    emailed = true;
  }
  await mark(key, claimed.token, 'doneAt', now);
  return { delivered: true, notificationId, emailed };
}

export async function handler(event: ReminderEvent, _context?: unknown, clock: () => number = Date.now): Promise<ReminderResult | FlushResult> {
  switch (event?.kind) {
    case 'DUE_SOON':
    case 'OVERDUE':
      return remind(event, clock());
    case 'DIGEST':
      return flushDigest(event.userId, event.taskId, event.windowEndsAt, clock());
    default:
      throw new Error(`reminders: unknown kind ${JSON.stringify((event as { kind?: unknown } | null)?.kind)}`);
  }
}
