/** watchTask step: versioned write adding the caller to watcherIds (no-op when already watching). */
import { runtime, type Context } from '@aws-appsync/utils';
import type { Actor } from './lib/actor.ts';
import { taskWriteRequest, taskWriteResult, type TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  const task = ctx.stash.task as TaskItem;
  const me = (ctx.stash.actor as Actor).id;
  if (task.watcherIds.indexOf(me) >= 0) runtime.earlyReturn(task);
  return taskWriteRequest(ctx, { watcherIds: task.watcherIds.concat([me]) }, 'WATCHED');
}

export function response(ctx: Context) {
  return taskWriteResult(ctx);
}
