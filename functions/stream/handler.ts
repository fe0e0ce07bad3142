/**
 * Lambda `stream`: the table's DynamoDB stream (NEW_AND_OLD_IMAGES), in the batches Lambda's event
 * source mapping delivers, reporting partial batch failures (ReportBatchItemFailures). For each record,
 * in order:
 *   1. report aggregates (aggregates.ts): once per record, by a marker in the same transaction;
 *   2. domain events on the bus (events.ts): repeats carry the same eventId;
 *   3. the task's reminder schedules (reminders.ts): recomputed from the task as it is now;
 *   4. background work a lost invocation left (background.ts): idempotent jobs; the weekly report list.
 * Every step is safe to run twice on the same record. The first record that fails is reported with
 * its sequence number and processing stops: Lambda delivers it and every later record again.
 * Env: TABLE_NAME, EVENT_BUS_NAME, SCHEDULE_GROUP_NAME, SCHEDULER_ROLE_ARN, REMINDER_FUNCTION_ARN,
 * ATTACHMENTS_BUCKET, APPSYNC_URL (optional), AWS_ENDPOINT_URL_<SERVICE> locally.
 */
import { applyAggregates } from './aggregates.ts';
import { keepWeeklyReportList, resumeBackgroundWork } from './background.ts';
import { domainEvents, putEvents } from './events.ts';
import { changeOf, type BatchResponse, type StreamEvent } from './records.ts';
import { profileMovesReminders, syncAssigneeSchedules, syncTaskSchedules, touchesSchedules } from './reminders.ts';

interface ContextLike {
  getRemainingTimeInMillis?: () => number;
}

export async function handler(event: StreamEvent, context?: ContextLike): Promise<BatchResponse> {
  const deadline = context?.getRemainingTimeInMillis ? () => context.getRemainingTimeInMillis!() : undefined;
  for (const record of event?.Records ?? []) {
    try {
      const change = changeOf(record);
      await applyAggregates(change);
      await putEvents(domainEvents(change));
      if (touchesSchedules(change)) await syncTaskSchedules(String((change.new ?? change.old)!.id));
      const user = profileMovesReminders(change);
      if (user) await syncAssigneeSchedules(user);
      await keepWeeklyReportList(change);
      await resumeBackgroundWork(change, deadline);
    } catch (err) {
      console.error('[stream] record failed:', record.eventID, record.dynamodb?.SequenceNumber, (err as Error).message);
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb.SequenceNumber }] };
    }
  }
  return { batchItemFailures: [] };
}
