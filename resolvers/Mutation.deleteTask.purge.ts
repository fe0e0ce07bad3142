/**
 * deleteTask step (Lambda `workers`, invocationType Event): starts the purge of the deleted task's
 * children. AppSync leaves an Event invocation's result null, so the step answers with the deleted task.
 * The delete is already acknowledged: should the invocation itself fail, it is logged, not raised — the
 * tombstone stays, and workers `resumePurges` finishes the job.
 */
import type { Context } from '@aws-appsync/utils';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const task = ctx.stash.deleted;
  return {
    operation: 'Invoke',
    invocationType: 'Event',
    payload: { operation: 'purgeTask', taskId: task.id, projectId: task.projectId },
  };
}

export function response(ctx: Context<unknown, Stash>) {
  if (ctx.error) console.error('deleteTask: starting the purge failed; resumePurges will pick it up', ctx.error.message);
  return ctx.stash.deleted;
}
