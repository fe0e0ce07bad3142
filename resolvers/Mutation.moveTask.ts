/**
 * moveTask: the card gets a rank strictly between its neighbours in the target column; no other card
 * is rewritten. Neither neighbour → bottom of the column.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationMoveTaskArgs } from '../types/graphql.ts';
import { validationError } from './lib/errors.ts';
import { TASK_STATUSES } from './lib/task.ts';
import { id, oneOf } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationMoveTaskArgs, Stash>) {
  const input = ctx.args.input;
  ctx.stash.taskId = id(input.id, 'id');
  ctx.stash.status = oneOf(input.status, 'status', TASK_STATUSES);
  ctx.stash.afterId = input.afterId ? id(input.afterId, 'afterId') : null;
  ctx.stash.beforeId = input.beforeId ? id(input.beforeId, 'beforeId') : null;
  if (ctx.stash.afterId === ctx.stash.taskId || ctx.stash.beforeId === ctx.stash.taskId) {
    validationError('A task cannot be placed next to itself', 'afterId');
  }
  if (ctx.stash.afterId && ctx.stash.afterId === ctx.stash.beforeId) {
    validationError('afterId and beforeId must name two different tasks', 'beforeId');
  }
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
