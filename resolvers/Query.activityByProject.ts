/** activityByProject: pipeline authorize (read) → .query (PK = PROJECT#id, ACTIVITY# prefix, newest first). */
import type { Context } from '@aws-appsync/utils';
import type { QueryActivityByProjectArgs } from '../types/graphql.ts';
import { pageLimit } from './lib/page.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<QueryActivityByProjectArgs>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
