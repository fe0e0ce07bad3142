/** unwatchTask step: versioned write removing the caller from watcherIds (no-op when not watching). */
import { runtime, type Context } from '@aws-appsync/utils';
import type { Actor } from './lib/actor.ts';
import { taskWriteRequest, taskWriteResult, type TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  const task = ctx.stash.task as TaskItem;
  const me = (ctx.stash.actor as Actor).id;
  if (task.watcherIds.indexOf(me) < 0) runtime.earlyReturn(task);
  return taskWriteRequest(ctx, { watcherIds: task.watcherIds.filter((w) => w !== me) }, 'UNWATCHED');
}

export function response(ctx: Context) {
  return taskWriteResult(ctx);
}
