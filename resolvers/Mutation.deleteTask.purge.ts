/**
 * deleteTask step (Lambda `workers`, invocationType Event): starts the purge of the deleted task's
 * children. AppSync leaves an Event invocation's result null, so the step answers with the deleted task.
 * The delete is already acknowledged: should the invocation itself fail, it is logged, not raised — the
 * tombstone stays, and workers `resumePurges` finishes the job.
 */
import type { Context } from '@aws-appsync/utils';
import type { TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  const task = ctx.stash.deleted as TaskItem;
  return {
    operation: 'Invoke',
    invocationType: 'Event',
    payload: { operation: 'purgeTask', taskId: task.id, projectId: task.projectId },
  };
}

export function response(ctx: Context) {
  if (ctx.error) console.error('deleteTask: starting the purge failed; resumePurges will pick it up', ctx.error.message);
  return ctx.stash.deleted;
}
