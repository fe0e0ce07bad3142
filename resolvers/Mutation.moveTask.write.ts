/** moveTask step: versioned write of status + rank (optional expectedVersion), activity MOVED. */
import type { Context } from '@aws-appsync/utils';
import type { MutationMoveTaskArgs } from '../types/graphql.ts';
import { checkVersion } from './lib/versioned.ts';
import { taskWriteRequest, taskWriteResult, type TaskItem } from './lib/task.ts';

export function request(ctx: Context<MutationMoveTaskArgs>) {
  const task = ctx.stash.task as TaskItem;
  checkVersion(task.version, ctx.args.input.expectedVersion);
  return taskWriteRequest(ctx, { status: ctx.stash.status, rank: ctx.stash.rank }, 'MOVED');
}

export function response(ctx: Context) {
  return taskWriteResult(ctx);
}
