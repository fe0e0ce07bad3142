/** archiveTask step: sets archived + archivedAt (no-op when already archived). */
import { runtime, util, type Context } from '@aws-appsync/utils';
import { taskWriteRequest, taskWriteResult, type TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  const task = ctx.stash.task as TaskItem;
  if (task.archived) runtime.earlyReturn(task);
  return taskWriteRequest(ctx, { archived: true, archivedAt: util.time.nowISO8601() }, 'ARCHIVED');
}

export function response(ctx: Context) {
  return taskWriteResult(ctx);
}
