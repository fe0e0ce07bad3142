/** task(id). Unknown or foreign id → NotFound. */
import type { Context } from '@aws-appsync/utils';
import type { QueryTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<QueryTaskArgs>) {
  ctx.stash.taskId = id(ctx.args.id, 'id');
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context) {
  return ctx.stash.task;
}
