/** task(id). Unknown or foreign id → NotFound. */
import type { Context } from '@aws-appsync/utils';
import type { QueryTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryTaskArgs, Stash>) {
  ctx.stash.taskId = id(ctx.args.id, 'id');
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.stash.task;
}
