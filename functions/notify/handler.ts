/**
 * Lambda `notify`: the target of the EventBridge rule on Taskwire's bus (functions/manifest.ts), one
 * domain event (docs/events.md) per invocation. For each event:
 *   - SNS: Publish to TOPIC_ARN (the event as JSON; message attributes projectId, kind, eventId) for
 *     integrations; they drop repeats by eventId.
 *   - the people concerned (assignee, watchers, the mentioned member, the new member, the project's
 *     members for sprint events) — never the actor, and only members of the project:
 *       in-app: publishNotification (signed IAM mutation, so onNotification subscribers get it live),
 *               its id derived from (eventId, person, kind): a repeated event stores nothing new;
 *       email:  task events join the person's digest of that task (digest.ts), unless they turned
 *               email off.
 * Env: TABLE_NAME, APPSYNC_URL, TOPIC_ARN, SENDER_EMAIL, WEB_URL, SCHEDULE_GROUP_NAME,
 * SCHEDULER_ROLE_ARN, REMINDER_FUNCTION_ARN; AWS_ENDPOINT_URL_<SERVICE> locally.
 */
import { PublishCommand } from '@aws-sdk/client-sns';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ENTITY, taskKey, taskPk, WATCHER_PREFIX } from '../../model/keys.ts';
import { snsClient } from '../lib/clients.ts';
import { requireEnv } from '../lib/env.ts';
import { publishNotification, type NotificationKind } from '../lib/notifications.ts';
import { members, membership, people, type Member } from '../lib/people.ts';
import { docClient, tableName } from '../workers/db.ts';
import { addToDigest, type DigestTask } from './digest.ts';
import type { DetailType } from '../stream/eventTypes.ts';

export interface EventBridgeEvent {
  id: string;
  'detail-type': DetailType;
  source: string;
  time: string;
  detail: { eventId: string; projectId: string; actorId: string; at: string; [k: string]: unknown };
}

export interface NotifyResult {
  published: boolean;
  notified: string[];
  emailed: string[];
}

interface TaskRow {
  id: string;
  projectId: string;
  key: string;
  title: string;
  status: string;
  assigneeId?: string | null;
  entity: string;
}

async function loadTask(taskId: string): Promise<TaskRow | null> {
  const r = await docClient().send(new GetCommand({ TableName: tableName(), Key: taskKey(taskId), ConsistentRead: true }));
  const t = r.Item as TaskRow | undefined;
  return t && t.entity === ENTITY.task ? t : null;
}

async function watchers(taskId: string): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await docClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :w)',
        ExpressionAttributeValues: { ':pk': taskPk(taskId), ':w': WATCHER_PREFIX },
        ProjectionExpression: 'SK',
        ExclusiveStartKey: start,
      }),
    );
    for (const w of r.Items ?? []) ids.push(String(w.SK).slice(WATCHER_PREFIX.length));
    start = r.LastEvaluatedKey;
  } while (start);
  return ids;
}

async function publishToTopic(event: EventBridgeEvent): Promise<void> {
  const d = event.detail;
  await snsClient().send(
    new PublishCommand({
      TopicArn: requireEnv('TOPIC_ARN'),
      Subject: `Taskwire ${event['detail-type']}`,
      Message: JSON.stringify({ type: event['detail-type'], ...d }),
      MessageAttributes: {
        projectId: { DataType: 'String', StringValue: d.projectId },
        kind: { DataType: 'String', StringValue: event['detail-type'] },
        eventId: { DataType: 'String', StringValue: d.eventId },
      },
    }),
  );
}

interface Plan {
  kind: NotificationKind | null;
  recipients: string[];
  task: TaskRow | null;
  title: string;
  body?: string | null;
  /** Email (digest) for task events. */
  email: boolean;
}

const label = (t: TaskRow): string => `${t.key} ${t.title}`;

async function plan(event: EventBridgeEvent, name: (id: string) => string): Promise<Plan | null> {
  const d = event.detail;
  const taskId = typeof d.taskId === 'string' ? d.taskId : null;
  const task = taskId ? await loadTask(taskId) : null;
  const concerned = async (t: TaskRow) => [...(t.assigneeId ? [t.assigneeId] : []), ...(await watchers(t.id))];
  switch (event['detail-type']) {
    case 'TaskAssigned':
      if (!task || typeof d.assigneeId !== 'string' || task.assigneeId !== d.assigneeId) return null;
      return { kind: 'ASSIGNED', recipients: [d.assigneeId], task, title: `${name(d.actorId)} assigned you ${label(task)}`, email: true };
    case 'TaskStatusChanged':
      if (!task) return null;
      return { kind: 'STATUS_CHANGED', recipients: await concerned(task), task, title: `${name(d.actorId)} moved ${label(task)} to ${String(d.to)}`, email: true };
    case 'TaskDueDateChanged':
      if (!task) return null;
      return { kind: null, recipients: await concerned(task), task, title: d.to ? `${name(d.actorId)} set ${task.key} due ${String(d.to)}` : `${name(d.actorId)} removed the due date of ${task.key}`, email: true };
    case 'CommentAdded': {
      if (!task) return null;
      const mentioned = new Set((Array.isArray(d.mentions) ? d.mentions : []).map(String));
      const recipients = (await concerned(task)).filter((u) => !mentioned.has(u));
      return { kind: 'COMMENTED', recipients, task, title: `${name(d.actorId)} commented on ${label(task)}`, email: true };
    }
    case 'MentionAdded':
      if (!task || typeof d.mentionedUserId !== 'string') return null;
      return { kind: 'MENTIONED', recipients: [d.mentionedUserId], task, title: `${name(d.actorId)} mentioned you on ${label(task)}`, email: true };
    case 'SprintStarted':
    case 'SprintCompleted': {
      const all = (await members(d.projectId)).map((m) => m.userId);
      const started = event['detail-type'] === 'SprintStarted';
      return { kind: started ? 'SPRINT_STARTED' : 'SPRINT_COMPLETED', recipients: all, task: null, title: `${name(d.actorId)} ${started ? 'started' : 'completed'} a sprint`, email: false };
    }
    case 'MemberAdded':
      if (typeof d.userId !== 'string') return null;
      return { kind: 'ADDED_TO_PROJECT', recipients: [d.userId], task: null, title: `${name(d.actorId)} added you to a project`, email: false };
    default:
      return null;
  }
}

export async function handler(event: EventBridgeEvent): Promise<NotifyResult> {
  const d = event?.detail;
  if (!d || typeof d.projectId !== 'string' || typeof d.eventId !== 'string') throw new Error('notify: not a Taskwire domain event');
  await publishToTopic(event);
  const result: NotifyResult = { published: true, notified: [], emailed: [] };

  // Names for the text: the actor's membership (a person who left shows as "Someone").
  const actor = await membership(d.projectId, d.actorId);
  const name = (id: string) => (id === d.actorId && actor ? (actor.displayName ?? actor.email ?? 'Someone') : 'Someone');
  const p = await plan(event, name);
  if (!p) return result;

  // Only members of the project, never the actor, each once.
  const candidates = [...new Set(p.recipients)].filter((u) => u && u !== d.actorId);
  const found = await Promise.all(candidates.map((u) => membership(d.projectId, u)));
  const memberOf = new Map<string, Member>();
  found.forEach((m, i) => m && memberOf.set(candidates[i]!, m));
  const recipients = candidates.filter((u) => memberOf.has(u));
  if (recipients.length === 0) return result;

  const at = Date.parse(d.at) || Date.parse(event.time) || Date.now();
  if (p.kind) {
    for (const userId of recipients) {
      await publishNotification({ userId, kind: p.kind, projectId: d.projectId, taskId: p.task?.id ?? null, title: p.title, body: p.body ?? null, seed: `${d.eventId}|${userId}|${p.kind}`, at });
      result.notified.push(userId);
    }
  }
  if (p.email && p.task) {
    const settings = await people(recipients, memberOf);
    const task: DigestTask = { id: p.task.id, projectId: p.task.projectId, key: p.task.key, title: p.task.title };
    for (const userId of recipients) {
      const s = settings.get(userId)!;
      if (!s.emailNotifications || !s.email) continue;
      await addToDigest(userId, task, { at: d.at, eventId: d.eventId, text: p.title });
      result.emailed.push(userId);
    }
  }
  return result;
}
