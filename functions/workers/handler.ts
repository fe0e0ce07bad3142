/**
 * Lambda `workers`: work over many items that runs after the acknowledging write (AppSync invokes it
 * with invocationType Event from deleteTask and completeSprint; a schedule may call resumePurges).
 * Every operation is idempotent and resumable (at-least-once delivery, concurrent runs are safe):
 *
 *   { operation: 'purgeTask', taskId, maxBatches? }      see purgeTask.ts
 *   { operation: 'resumePurges', limit? }                finishes purges whose tombstone is still there
 *   { operation: 'carryOverSprint', sprintId }           see carryOver.ts; then publishes the moved
 *                                                        tasks and the sprint to subscribers (publish.ts)
 *   { operation: 'indexProjects', startKey? }            one-time backfill of the project directory for
 *                                                        projects made before it (indexProjects.ts)
 *
 * Env: TABLE_NAME, ATTACHMENTS_BUCKET, AWS_REGION; APPSYNC_URL (optional: publish to subscribers);
 * AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_S3 locally.
 */
import { carryOverSprint, type CarryOverResult } from './carryOver.ts';
import { publishChanges, type PublishOutcome } from './publish.ts';
import { indexProjects, type IndexProjectsResult } from './indexProjects.ts';
import { purgeTask, resumePurges, type PurgeResult } from './purgeTask.ts';

export type WorkersEvent =
  | { operation: 'purgeTask'; taskId: string; projectId?: string; maxBatches?: number }
  | { operation: 'resumePurges'; limit?: number }
  | { operation: 'carryOverSprint'; sprintId: string; projectId?: string }
  | { operation: 'indexProjects'; startKey?: Record<string, unknown> | null };

interface ContextLike {
  getRemainingTimeInMillis?: () => number;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) throw new Error(`workers: ${name} is required`);
  return value;
}

export async function handler(
  event: WorkersEvent,
  context?: ContextLike,
): Promise<PurgeResult | PurgeResult[] | (CarryOverResult & { published: PublishOutcome }) | IndexProjectsResult> {
  const deadline = context?.getRemainingTimeInMillis ? () => context.getRemainingTimeInMillis!() : undefined;
  switch (event?.operation) {
    case 'purgeTask':
      return purgeTask(text(event.taskId, 'taskId'), { maxBatches: event.maxBatches, deadline });
    case 'resumePurges':
      return resumePurges(event.limit ?? 25, { deadline });
    case 'carryOverSprint': {
      const r = await carryOverSprint(text(event.sprintId, 'sprintId'), { deadline });
      const sprintChanged = r.done && !r.skipped && r.projectId ? [{ projectId: r.projectId, id: r.sprintId }] : [];
      const published = await publishChanges(r.moved, sprintChanged);
      return { ...r, published };
    }
    case 'indexProjects':
      return indexProjects({ startKey: event.startKey ?? null, deadline });
    default:
      throw new Error(`workers: unknown operation ${JSON.stringify((event as { operation?: unknown } | null)?.operation)}`);
  }
}
