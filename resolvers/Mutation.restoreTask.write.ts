/** restoreTask step: clears archived + archivedAt (no-op when not archived). */
import { runtime, type Context } from '@aws-appsync/utils';
import { taskWriteRequest, taskWriteResult, type TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  const task = ctx.stash.task as TaskItem;
  if (!task.archived) runtime.earlyReturn(task);
  return taskWriteRequest(ctx, { archived: false, archivedAt: null }, 'RESTORED');
}

export function response(ctx: Context) {
  return taskWriteResult(ctx);
}
