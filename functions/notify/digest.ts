/**
 * Coalescing a burst of changes to one task into one email per person (docs/events.md "Email digests").
 *
 *   add     UpdateItem of the person's digest item for the task (USER#<sub> / DIGEST#<taskId>):
 *           ADD the line to a string set (a repeated event adds nothing), set windowEndsAt once (the
 *           first line + DIGEST_WINDOW_MS). Until the item is `scheduled`, create the one-time schedule
 *           `digest-<hash>` at windowEndsAt (a name taken already is fine) and mark it scheduled.
 *   flush   (the reminder function, when that schedule fires) claims the item with a lease, sends one
 *           email with every line, deletes the item. A second delivery finds no item, or a live lease.
 *   A line that arrives while a digest is being sent (claimed) is emailed on its own.
 */
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DIGEST_ENTITY, emailDigestKey } from '../../model/keys.ts';
import { TTL_ATTRIBUTE } from '../../model/table.ts';
import { render, send, taskUrl } from '../lib/email.ts';
import { person } from '../lib/people.ts';
import { createOnce } from '../lib/schedules.ts';
import { shortHash } from '../lib/stableId.ts';
import { docClient, tableName } from '../workers/db.ts';

/** How long changes to one task gather before the email goes. */
export const DIGEST_WINDOW_MS = 2 * 60_000;
/** How long a claimed digest stays claimed if its sender dies. */
export const LEASE_MS = 60_000;

export interface DigestTask {
  id: string;
  projectId: string;
  key: string;
  title: string;
}

export interface DigestLine {
  at: string;
  eventId: string;
  text: string;
}

const encode = (l: DigestLine): string => `${l.at}\t${l.eventId}\t${l.text}`;
const decode = (s: string): DigestLine => {
  const [at = '', eventId = '', ...rest] = s.split('\t');
  return { at, eventId, text: rest.join('\t') };
};

export const digestScheduleName = (userId: string, taskId: string, windowEndsAt: string): string =>
  `digest-${shortHash(`${userId}|${taskId}|${windowEndsAt}`, 40)}`;

function taskEmail(to: string, task: DigestTask, lines: DigestLine[]) {
  const sorted = [...lines].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.eventId < b.eventId ? -1 : 1));
  const url = taskUrl(task.projectId, task.id);
  return render({
    to,
    subject: `[${task.key}] ${task.title}${sorted.length > 1 ? ` (${sorted.length} updates)` : ''}`,
    heading: `${task.key}: ${task.title}`,
    lines: sorted.map((l) => l.text),
    link: url ? { url, label: `Open ${task.key}` } : null,
  });
}

export async function addToDigest(userId: string, task: DigestTask, line: DigestLine, now: number = Date.now()): Promise<'added' | 'sent-alone'> {
  const windowEndsAt = new Date(now + DIGEST_WINDOW_MS).toISOString();
  let item: Record<string, unknown>;
  try {
    const r = await docClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: emailDigestKey(userId, task.id),
        UpdateExpression:
          'SET entity = :e, userId = :u, taskId = :t, projectId = :p, taskKey = :k, title = :title, windowEndsAt = if_not_exists(windowEndsAt, :w), #ttl = :ttl ADD #lines :l',
        ConditionExpression: 'attribute_not_exists(claimedAt)',
        ExpressionAttributeNames: { '#lines': 'lines', '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: {
          ':e': DIGEST_ENTITY,
          ':u': userId,
          ':t': task.id,
          ':p': task.projectId,
          ':k': task.key,
          ':title': task.title,
          ':w': windowEndsAt,
          ':ttl': Math.floor(now / 1000) + 7 * 86_400,
          ':l': new Set([encode(line)]),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    item = r.Attributes!;
  } catch (err) {
    if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    // Being sent right now: this change goes in an email of its own.
    const who = await person(userId, task.projectId);
    if (who.email && who.emailNotifications) await send(taskEmail(who.email, task, [line]));
    return 'sent-alone';
  }
  if (item.scheduled !== true) {
    const w = String(item.windowEndsAt);
    await createOnce(digestScheduleName(userId, task.id, w), Date.parse(w), { kind: 'DIGEST', userId, taskId: task.id, windowEndsAt: w }, `Email digest of ${task.key}`);
    await docClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: emailDigestKey(userId, task.id),
        UpdateExpression: 'SET scheduled = :true',
        ConditionExpression: 'windowEndsAt = :w',
        ExpressionAttributeValues: { ':true': true, ':w': w },
      }),
    ).catch((err) => {
      // Flushed meanwhile: nothing to mark.
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    });
  }
  return 'added';
}

export interface FlushResult {
  sent: boolean;
  lines: number;
  skipped?: 'NO_DIGEST' | 'CLAIMED' | 'EMAIL_OFF';
}

/** Sends the digest whose window ended at `windowEndsAt` (the schedule's input), once. */
export async function flushDigest(userId: string, taskId: string, windowEndsAt: string, now: number = Date.now()): Promise<FlushResult> {
  const key = emailDigestKey(userId, taskId);
  const claim = `${now}-${Math.random().toString(36).slice(2)}`;
  let item: Record<string, unknown>;
  try {
    const r = await docClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET claimedAt = :claim, leaseUntil = :lease',
        ConditionExpression: 'attribute_exists(PK) AND windowEndsAt = :w AND (attribute_not_exists(claimedAt) OR leaseUntil < :now)',
        ExpressionAttributeValues: { ':claim': claim, ':lease': now + LEASE_MS, ':now': now, ':w': windowEndsAt },
        ReturnValues: 'ALL_NEW',
      }),
    );
    item = r.Attributes!;
  } catch (err) {
    if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    return { sent: false, lines: 0, skipped: 'NO_DIGEST' };
  }
  const lines = [...((item.lines as Set<string> | undefined) ?? [])].map(decode);
  const task: DigestTask = { id: taskId, projectId: String(item.projectId), key: String(item.taskKey), title: String(item.title) };
  const who = await person(userId, task.projectId);
  let sent = false;
  if (who.email && who.emailNotifications && lines.length) {
    try {
      await send(taskEmail(who.email, task, lines));
    } catch (err) {
      // Give the claim back so the schedule's retry can send it.
      await docClient()
        .send(new UpdateCommand({ TableName: tableName(), Key: key, UpdateExpression: 'REMOVE claimedAt, leaseUntil', ConditionExpression: 'claimedAt = :claim', ExpressionAttributeValues: { ':claim': claim } }))
        .catch(() => undefined);
      throw err;
    }
    sent = true;
  }
  await docClient().send(
    new DeleteCommand({ TableName: tableName(), Key: key, ConditionExpression: 'claimedAt = :claim', ExpressionAttributeValues: { ':claim': claim } }),
  );
  return { sent, lines: lines.length, ...(sent ? {} : { skipped: 'EMAIL_OFF' as const }) };
}
