/**
 * Report aggregates from task changes (docs/access-patterns.md "Report aggregates"). A record's change
 * to the counters is contribution(new image) − contribution(old image) (functions/reports/aggregate.ts),
 * ADDed to the aggregate of the task's sprint (both sprints when it moved) and of its project, in ONE
 * transaction with a marker keyed by the stream record's eventID (conditional create):
 *   - a redelivered record finds its marker and changes nothing (exactly-once per record);
 *   - deltas telescope, so records applied in any order give the same sums;
 *   - a failed transaction changes nothing, and the record is retried.
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ENTITY, projectReportKey, REPORT_ENTITY, sprintReportKey, streamMarkerKey, STREAM_MARKER_ENTITY } from '../../model/keys.ts';
import { TTL_ATTRIBUTE } from '../../model/table.ts';
import { addInto, contribution, delta, scopeDelta, type Counters } from '../reports/aggregate.ts';
import { utcDay, type TaskFact } from '../reports/maths.ts';
import { cancellationCodes, docClient, sleep, tableName } from '../workers/db.ts';
import type { Change, Item } from './records.ts';

/** Markers outlive the stream's 24-hour retention (the longest a record can be redelivered). */
export const MARKER_TTL_SECONDS = 2 * 86_400;

const fact = (i: Item | null): TaskFact | null => (i && i.entity === ENTITY.task ? (i as unknown as TaskFact) : null);

function update(key: { PK: string; SK: string }, counters: Counters, identity: Record<string, unknown>) {
  const names: Record<string, string> = { '#entity': 'entity' };
  const values: Record<string, unknown> = { ':entity': REPORT_ENTITY };
  const adds: string[] = [];
  Object.entries(counters).forEach(([k, v], i) => {
    names[`#c${i}`] = k;
    values[`:c${i}`] = v;
    adds.push(`#c${i} :c${i}`);
  });
  const sets = ['#entity = :entity'];
  Object.entries(identity).forEach(([k, v], i) => {
    names[`#i${i}`] = k;
    values[`:i${i}`] = v;
    sets.push(`#i${i} = if_not_exists(#i${i}, :i${i})`);
  });
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The aggregate updates one task change needs (none when nothing it counts changed). */
export function aggregateUpdates(change: Change): { key: { PK: string; SK: string }; counters: Counters; identity: Record<string, unknown> }[] {
  const before = fact(change.old);
  const after = fact(change.new);
  if (!before && !after) return [];
  const day = utcDay(new Date(change.at).toISOString());
  const projectId = String((change.new ?? change.old)!.projectId);
  const oldSprint = (change.old?.sprintId as string | undefined) ?? null;
  const newSprint = (change.new?.sprintId as string | undefined) ?? null;
  const out: ReturnType<typeof aggregateUpdates> = [];
  const withScope = (d: Counters) => addInto({ ...d }, scopeDelta(d, day));

  const projectDelta = delta(contribution(before), contribution(after));
  if (Object.keys(projectDelta).length) out.push({ key: projectReportKey(projectId), counters: withScope(projectDelta), identity: { projectId, scope: 'PROJECT' } });

  if (oldSprint && oldSprint === newSprint) {
    if (Object.keys(projectDelta).length) out.push({ key: sprintReportKey(oldSprint), counters: withScope(projectDelta), identity: { projectId, sprintId: oldSprint, scope: 'SPRINT' } });
  } else {
    if (oldSprint) {
      const d = delta(contribution(before), {});
      if (Object.keys(d).length) out.push({ key: sprintReportKey(oldSprint), counters: withScope(d), identity: { projectId, sprintId: oldSprint, scope: 'SPRINT' } });
    }
    if (newSprint) {
      const d = delta({}, contribution(after));
      if (Object.keys(d).length) out.push({ key: sprintReportKey(newSprint), counters: withScope(d), identity: { projectId, sprintId: newSprint, scope: 'SPRINT' } });
    }
  }
  return out;
}

/** Applies one record's change to the aggregates, once. Answers whether this call applied it. */
export async function applyAggregates(change: Change): Promise<boolean> {
  const updates = aggregateUpdates(change);
  if (updates.length === 0) return false;
  // A redelivered record: its marker is there already (the transaction below would refuse it too).
  const seen = await docClient().send(new GetCommand({ TableName: tableName(), Key: streamMarkerKey(change.record.eventID), ConsistentRead: true }));
  if (seen.Item) return false;
  const marker = {
    Put: {
      TableName: tableName(),
      Item: {
        ...streamMarkerKey(change.record.eventID),
        entity: STREAM_MARKER_ENTITY,
        sequenceNumber: change.record.dynamodb.SequenceNumber,
        [TTL_ATTRIBUTE]: Math.floor(Date.now() / 1000) + MARKER_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await docClient().send(new TransactWriteCommand({ TransactItems: [marker, ...updates.map((u) => update(u.key, u.counters, u.identity))] }));
      return true;
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes) throw err;
      if (codes[0] === 'ConditionalCheckFailed') return false; // applied by an earlier delivery
      if (attempt >= 6) throw err;
      // Another transaction on the same aggregate (TransactionConflict): try again shortly.
      await sleep(20 * 2 ** attempt + Math.random() * 50);
    }
  }
}

/** Most records whose changes go into one transaction (markers + summed aggregate updates ≤ 100 items). */
export const CHUNK_RECORDS = 40;

/**
 * Applies a batch's changes: the records' differences summed per aggregate, with every record's marker,
 * in one transaction per CHUNK_RECORDS records — a sprint's aggregate is one hot item, so one write
 * for many records instead of one (and no conflicts between them). A chunk in which some record was
 * applied before (a redelivered batch) falls back to one transaction per record, which skips those.
 * Answers how many records this call applied.
 */
export async function applyAggregatesBatch(changes: Change[]): Promise<number> {
  const work = changes.map((change) => ({ change, updates: aggregateUpdates(change) })).filter((w) => w.updates.length > 0);
  let applied = 0;
  for (let i = 0; i < work.length; ) {
    const chunk: typeof work = [];
    const keys = new Set<string>();
    while (i < work.length && chunk.length < CHUNK_RECORDS) {
      const next = work[i]!;
      const more = next.updates.filter((u) => !keys.has(`${u.key.PK}|${u.key.SK}`)).length;
      if (chunk.length + 1 + keys.size + more > 100) break;
      next.updates.forEach((u) => keys.add(`${u.key.PK}|${u.key.SK}`));
      chunk.push(next);
      i += 1;
    }
    const summed = new Map<string, { key: { PK: string; SK: string }; counters: Counters; identity: Record<string, unknown> }>();
    for (const w of chunk) {
      for (const u of w.updates) {
        const k = `${u.key.PK}|${u.key.SK}`;
        const s = summed.get(k) ?? summed.set(k, { key: u.key, counters: {}, identity: u.identity }).get(k)!;
        addInto(s.counters, u.counters);
      }
    }
    const updates = [...summed.values()]
      .map((s) => ({ ...s, counters: Object.fromEntries(Object.entries(s.counters).filter(([, v]) => v !== 0)) }))
      .filter((s) => Object.keys(s.counters).length > 0);
    const now = Math.floor(Date.now() / 1000);
    const markers = chunk.map((w) => ({
      Put: {
        TableName: tableName(),
        Item: { ...streamMarkerKey(w.change.record.eventID), entity: STREAM_MARKER_ENTITY, sequenceNumber: w.change.record.dynamodb.SequenceNumber, [TTL_ATTRIBUTE]: now + MARKER_TTL_SECONDS },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    }));
    for (let attempt = 0; ; attempt++) {
      try {
        await docClient().send(new TransactWriteCommand({ TransactItems: [...markers, ...updates.map((u) => update(u.key, u.counters, u.identity))] }));
        applied += chunk.length;
        break;
      } catch (err) {
        const codes = cancellationCodes(err);
        if (!codes) throw err;
        if (codes.includes('ConditionalCheckFailed')) {
          for (const w of chunk) if (await applyAggregates(w.change)) applied += 1;
          break;
        }
        if (attempt >= 6) throw err;
        await sleep(20 * 2 ** attempt + Math.random() * 50);
      }
    }
  }
  return applied;
}
