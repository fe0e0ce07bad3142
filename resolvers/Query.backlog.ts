/** backlog: tasks of the project in no sprint, by rank. Pipeline authorize (read) → .query. */
import type { Context } from '@aws-appsync/utils';
import type { QueryBacklogArgs } from '../types/graphql.ts';
import { pageLimit } from './lib/page.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<QueryBacklogArgs>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
