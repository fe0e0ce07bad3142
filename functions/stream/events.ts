/**
 * Domain events (docs/events.md) from the table's changes, put on Taskwire's bus (EVENT_BUS_NAME),
 * Source `taskwire`. Task, sprint and membership events come from the Activity item every change
 * writes in its own transaction (it names the actor and the fields' before/after values); comment and
 * mention events from the Comment item (its author is the actor). Each event's Detail carries
 * `eventId` (the stream record's eventID and the event's place in it): the same on every delivery of
 * the record, so consumers can drop repeats.
 */
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { ENTITY } from '../../model/keys.ts';
import { DETAIL_TYPES, SOURCE, type DetailType } from './eventTypes.ts';
import { eventBridgeClient } from '../lib/clients.ts';
import { requireEnv } from '../lib/env.ts';
import { sleep } from '../workers/db.ts';
import type { Change, Item } from './records.ts';

export { DETAIL_TYPES, SOURCE, type DetailType };

export interface DomainEvent {
  type: DetailType;
  detail: { eventId: string; projectId: string; actorId: string; at: string; [k: string]: unknown };
}

interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const parse = (v: string | null | undefined): unknown => {
  if (v === null || v === undefined) return null;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

/** Fields whose change is only bookkeeping, never an event of its own. */
const QUIET_FIELDS = new Set(['rank', 'updatedAt', 'version', 'doneAt']);

function fromActivity(a: Item, base: (type: DetailType, extra: Record<string, unknown>) => DomainEvent): DomainEvent[] {
  const changes = (Array.isArray(a.changes) ? a.changes : []) as FieldChange[];
  const byField = new Map(changes.map((c) => [c.field, { before: parse(c.before), after: parse(c.after) }]));
  const out: DomainEvent[] = [];
  const entityType = a.entityType;
  const action = a.action;
  if (entityType === 'TASK') {
    const taskId = String(a.entityId);
    if (action === 'CREATED') {
      out.push(base('TaskCreated', { taskId, fields: Object.fromEntries([...byField].map(([f, v]) => [f, v.after])) }));
      const assignee = byField.get('assigneeId')?.after;
      if (assignee) out.push(base('TaskAssigned', { taskId, assigneeId: assignee, previousAssigneeId: null }));
      return out;
    }
    if (action === 'DELETED') return [base('TaskDeleted', { taskId, key: byField.get('key')?.before ?? null, title: byField.get('title')?.before ?? null })];
    // Changes of the task's own fields (UPDATED, MOVED, ASSIGNED, ARCHIVED, RESTORED, ...); time logged,
    // comments and attachments have their own activities and events.
    if (action === 'TIME_LOGGED' || action === 'COMMENTED' || action === 'ATTACHED' || action === 'WATCHED' || action === 'UNWATCHED') return out;
    const updated: Record<string, { before: unknown; after: unknown }> = {};
    for (const [field, v] of byField) {
      if (field === 'assigneeId') out.push(base('TaskAssigned', { taskId, assigneeId: v.after ?? null, previousAssigneeId: v.before ?? null }));
      else if (field === 'status') out.push(base('TaskStatusChanged', { taskId, from: v.before, to: v.after }));
      else if (field === 'dueAt') out.push(base('TaskDueDateChanged', { taskId, from: v.before ?? null, to: v.after ?? null }));
      else if (!QUIET_FIELDS.has(field)) updated[field] = v;
    }
    if (Object.keys(updated).length) out.push(base('TaskUpdated', { taskId, changes: updated }));
    return out;
  }
  if (entityType === 'SPRINT') {
    const state = byField.get('state')?.after;
    const sprintId = String(a.entityId);
    if (state === 'ACTIVE') out.push(base('SprintStarted', { sprintId }));
    if (state === 'COMPLETED') out.push(base('SprintCompleted', { sprintId, carriedOverTo: byField.get('carriedOverTo')?.after ?? null }));
    return out;
  }
  if (entityType === 'MEMBERSHIP') {
    const userId = String(a.entityId);
    if (action === 'MEMBER_ADDED') out.push(base('MemberAdded', { userId, role: byField.get('role')?.after ?? null }));
    if (action === 'MEMBER_REMOVED') out.push(base('MemberRemoved', { userId, role: byField.get('role')?.before ?? null }));
  }
  return out;
}

/** The domain events of one change (pure). */
export function domainEvents(change: Change): DomainEvent[] {
  let n = 0;
  const at = new Date(change.at).toISOString();
  const base = (actorId: string, projectId: string) => (type: DetailType, extra: Record<string, unknown>): DomainEvent => ({
    type,
    detail: { eventId: `${change.record.eventID}:${n++}`, projectId, actorId, at, ...extra },
  });
  if (change.entity === ENTITY.activity && change.eventName === 'INSERT' && change.new) {
    const a = change.new;
    return fromActivity(a, base(String(a.actorId ?? 'unknown'), String(a.projectId)));
  }
  if (change.entity === ENTITY.comment && change.new && (change.eventName === 'INSERT' || change.eventName === 'MODIFY')) {
    const c = change.new;
    const make = base(String(c.authorId), String(c.projectId));
    const mentions = (Array.isArray(c.mentions) ? c.mentions : []).map(String);
    const before = new Set(change.eventName === 'MODIFY' && Array.isArray(change.old?.mentions) ? (change.old!.mentions as unknown[]).map(String) : []);
    const out: DomainEvent[] = [];
    if (change.eventName === 'INSERT') out.push(make('CommentAdded', { taskId: c.taskId, commentId: c.id, mentions }));
    for (const m of mentions) if (!before.has(m)) out.push(make('MentionAdded', { taskId: c.taskId, commentId: c.id, mentionedUserId: m }));
    return out;
  }
  return [];
}

/** Puts the events on the bus, 10 at a time; entries the bus failed are retried, then it throws. */
export async function putEvents(events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const bus = requireEnv('EVENT_BUS_NAME');
  let pending: PutEventsRequestEntry[] = events.map((e) => ({
    Source: SOURCE,
    DetailType: e.type,
    Detail: JSON.stringify(e.detail),
    EventBusName: bus,
    Time: new Date(e.detail.at),
  }));
  for (let attempt = 0; pending.length; attempt++) {
    const failed: PutEventsRequestEntry[] = [];
    for (let i = 0; i < pending.length; i += 10) {
      const chunk = pending.slice(i, i + 10);
      const r = await eventBridgeClient().send(new PutEventsCommand({ Entries: chunk }));
      if (r.FailedEntryCount) (r.Entries ?? []).forEach((e, j) => e.ErrorCode && failed.push(chunk[j]!));
    }
    if (failed.length && attempt >= 3) throw new Error(`PutEvents: ${failed.length} of ${events.length} entries failed`);
    pending = failed;
    if (pending.length) await sleep(100 * 2 ** attempt);
  }
}
