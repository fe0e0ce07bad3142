/**
 * completeSprint step (Lambda `workers`, invocationType Event): when the carry-over was too large to do
 * inline (or is being resumed), starts workers carryOverSprint. AppSync leaves an Event invocation's
 * result null, so the step answers with the sprint as written. Skipped when the carry-over was inline.
 * A failed start is logged, not raised: the sprint is COMPLETED with carryOverDone: false, and calling
 * completeSprint again re-starts it.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const sprint = ctx.stash.sprintAfter;
  if (sprint.carryOverDone !== false) runtime.earlyReturn(sprint, { skipTo: 'NEXT' });
  return {
    operation: 'Invoke',
    invocationType: 'Event',
    payload: { operation: 'carryOverSprint', sprintId: sprint.id, projectId: sprint.projectId },
  };
}

export function response(ctx: Context<unknown, Stash>) {
  if (ctx.error) console.error('completeSprint: starting the carry-over failed; call completeSprint again to resume', ctx.error.message);
  return ctx.stash.sprintAfter;
}
