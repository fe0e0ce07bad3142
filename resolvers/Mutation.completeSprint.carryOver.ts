/**
 * completeSprint step (Lambda `workers`, invocationType Event): when the carry-over was too large to do
 * inline (or is being resumed), starts workers carryOverSprint. AppSync leaves an Event invocation's
 * result null, so the step answers with the sprint as written. Skipped when the carry-over was inline.
 * A failed start is logged, not raised: the sprint is COMPLETED with carryOverDone: false, and calling
 * completeSprint again re-starts it.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import type { SprintItem } from './lib/sprint.ts';

export function request(ctx: Context) {
  const sprint = ctx.stash.after as SprintItem;
  if (sprint.carryOverDone !== false) runtime.earlyReturn(sprint, { skipTo: 'NEXT' });
  return {
    operation: 'Invoke',
    invocationType: 'Event',
    payload: { operation: 'carryOverSprint', sprintId: sprint.id, projectId: sprint.projectId },
  };
}

export function response(ctx: Context) {
  if (ctx.error) console.error('completeSprint: starting the carry-over failed; call completeSprint again to resume', ctx.error.message);
  return ctx.stash.after;
}
