/**
 * Background work the stream sees started and finishes if its own invocation was lost (AppSync invokes
 * the workers function with invocationType Event; such an invocation can fail for good): a purge
 * tombstone that appears, a sprint that becomes COMPLETED with its carry-over not done. Both jobs are
 * idempotent and resumable (functions/workers), so running them here beside the workers' own run is safe.
 * Also keeps the weekly report's list of projects (live projects; archived or deleted ones leave it).
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ENTITY, PURGE_ENTITY, weeklyReportProjectKey, WEEKLY_REPORT_ENTITY } from '../../model/keys.ts';
import { carryOverSprint } from '../workers/carryOver.ts';
import { docClient, tableName } from '../workers/db.ts';
import { publishChanges } from '../workers/publish.ts';
import { purgeTask } from '../workers/purgeTask.ts';
import type { Change } from './records.ts';

export async function resumeBackgroundWork(change: Change, deadline?: () => number): Promise<string | null> {
  if (change.entity === PURGE_ENTITY && change.eventName === 'INSERT' && change.new) {
    await purgeTask(String(change.new.taskId), { deadline });
    return 'purgeTask';
  }
  if (change.entity === ENTITY.sprint && change.new?.state === 'COMPLETED' && change.new.carryOverDone === false && change.old?.carryOverDone !== false) {
    const r = await carryOverSprint(String(change.new.id), { deadline });
    const sprint = r.done && !r.skipped && r.projectId ? [{ projectId: r.projectId, id: r.sprintId }] : [];
    await publishChanges(r.moved, sprint);
    return 'carryOverSprint';
  }
  return null;
}

export async function keepWeeklyReportList(change: Change): Promise<void> {
  if (change.entity !== ENTITY.project) return;
  const p = change.new ?? change.old!;
  const key = weeklyReportProjectKey(String(p.id));
  const live = change.eventName !== 'REMOVE' && change.new?.archived !== true;
  const wasLive = change.eventName !== 'INSERT' && change.old?.archived !== true;
  if (live && (change.eventName === 'INSERT' || !wasLive)) {
    await docClient().send(new PutCommand({ TableName: tableName(), Item: { ...key, entity: WEEKLY_REPORT_ENTITY, projectId: p.id } }));
  } else if (!live && wasLive) {
    await docClient().send(new DeleteCommand({ TableName: tableName(), Key: key }));
  }
}
