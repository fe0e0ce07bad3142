/** activityByTask: pipeline loadTask → authorize (read) → .query (newest first). */
import type { Context } from '@aws-appsync/utils';
import type { QueryActivityByTaskArgs } from '../types/graphql.ts';
import { pageLimit } from './lib/page.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<QueryActivityByTaskArgs>) {
  ctx.stash.taskId = id(ctx.args.taskId, 'taskId');
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
