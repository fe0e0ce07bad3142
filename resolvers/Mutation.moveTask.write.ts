/**
 * moveTask step: versioned write of status + rank (optional expectedVersion), activity MOVED.
 * Also keeps the internal `doneAt` (read by the reports' burndown) in the same write: set when the
 * status becomes DONE, removed when it leaves DONE, untouched for a move within DONE.
 */
import type { Context } from '@aws-appsync/utils';
import { now } from './lib/ids.ts';
import type { MutationMoveTaskArgs } from '../types/graphql.ts';
import { checkVersion } from './lib/versioned.ts';
import { taskWriteRequest, taskWriteResult } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationMoveTaskArgs, Stash>) {
  const task = ctx.stash.task;
  checkVersion(task.version, ctx.args.input.expectedVersion);
  const fields: Record<string, unknown> = { status: ctx.stash.status, rank: ctx.stash.rank };
  if (ctx.stash.status === 'DONE' && task.status !== 'DONE') fields.doneAt = now();
  if (ctx.stash.status !== 'DONE' && task.status === 'DONE') fields.doneAt = null;
  return taskWriteRequest(ctx, fields, 'MOVED');
}

export function response(ctx: Context<unknown, Stash>) {
  return taskWriteResult(ctx);
}
