/** restoreTask step: clears archived + archivedAt (no-op when not archived). */
import { runtime, type Context } from '@aws-appsync/utils';
import { taskWriteRequest, taskWriteResult } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const task = ctx.stash.task;
  if (!task.archived) runtime.earlyReturn(task);
  return taskWriteRequest(ctx, { archived: false, archivedAt: null }, 'RESTORED');
}

export function response(ctx: Context<unknown, Stash>) {
  return taskWriteResult(ctx);
}
