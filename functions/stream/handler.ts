/**
 * Lambda `stream`: the table's DynamoDB stream (NEW_AND_OLD_IMAGES), in the batches Lambda's event
 * source mapping delivers, reporting partial batch failures (ReportBatchItemFailures):
 *   1. report aggregates for the whole batch (aggregates.ts): once per record, by a marker per record in
 *      the same transaction as the summed changes; then for each record:
 *   2. domain events on the bus (events.ts): repeats carry the same eventId;
 *   3. the task's reminder schedules (reminders.ts): recomputed from the task as it is now;
 *   4. background work a lost invocation left (background.ts): idempotent jobs; the weekly report list.
 * Every step is safe to run twice on the same record. Records of one item are processed in stream
 * order; different items side by side (LANES). The earliest record that fails is reported with its
 * sequence number (ReportBatchItemFailures): Lambda delivers it and every later record of the batch
 * again, which the steps above make harmless.
 * Env: TABLE_NAME, EVENT_BUS_NAME, SCHEDULE_GROUP_NAME, SCHEDULER_ROLE_ARN, REMINDER_FUNCTION_ARN,
 * ATTACHMENTS_BUCKET, APPSYNC_URL (optional), AWS_ENDPOINT_URL_<SERVICE> locally.
 */
import { applyAggregatesBatch } from './aggregates.ts';
import { keepWeeklyReportList, resumeBackgroundWork } from './background.ts';
import { domainEvents, putEvents } from './events.ts';
import { changeOf, type BatchResponse, type StreamEvent, type StreamRecord } from './records.ts';
import { profileMovesReminders, syncAssigneeSchedules, syncTaskSchedules, touchesSchedules } from './reminders.ts';

interface ContextLike {
  getRemainingTimeInMillis?: () => number;
}

/** Items whose records are processed side by side (each item's records stay in order). */
export const LANES = 8;

async function processRecord(record: StreamRecord, deadline?: () => number): Promise<void> {
  const change = changeOf(record);
  await putEvents(domainEvents(change));
  if (touchesSchedules(change)) await syncTaskSchedules(String((change.new ?? change.old)!.id));
  const user = profileMovesReminders(change);
  if (user) await syncAssigneeSchedules(user);
  await keepWeeklyReportList(change);
  await resumeBackgroundWork(change, deadline);
}

const itemOf = (r: StreamRecord): string => JSON.stringify(r.dynamodb?.Keys ?? r.eventID);

export async function handler(event: StreamEvent, context?: ContextLike): Promise<BatchResponse> {
  const deadline = context?.getRemainingTimeInMillis ? () => context.getRemainingTimeInMillis!() : undefined;
  const records = event?.Records ?? [];
  // Records of one item in stream order; different items in up to LANES lanes at once.
  const byItem = new Map<string, number[]>();
  records.forEach((r, i) => {
    const k = itemOf(r);
    byItem.set(k, [...(byItem.get(k) ?? []), i]);
  });
  const groups = [...byItem.values()];
  // 1. Aggregates for the whole batch first (summed per aggregate item, once per record).
  try {
    await applyAggregatesBatch(records.map(changeOf));
  } catch (err) {
    console.error('[stream] aggregates failed:', (err as Error).message);
    return { batchItemFailures: records.length ? [{ itemIdentifier: records[0]!.dynamodb.SequenceNumber }] : [] };
  }
  let firstFailed = Infinity;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(LANES, groups.length) }, async () => {
      while (next < groups.length) {
        const group = groups[next++]!;
        for (const i of group) {
          // Everything from the first failure on is delivered again: no need to go on past it.
          if (i > firstFailed) break;
          const record = records[i]!;
          try {
            await processRecord(record, deadline);
          } catch (err) {
            console.error('[stream] record failed:', record.eventID, record.dynamodb?.SequenceNumber, (err as Error).message);
            firstFailed = Math.min(firstFailed, i);
            break;
          }
        }
      }
    }),
  );
  return { batchItemFailures: Number.isFinite(firstFailed) ? [{ itemIdentifier: records[firstFailed]!.dynamodb.SequenceNumber }] : [] };
}
