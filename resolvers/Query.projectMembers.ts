/** Query.projectMembers — pipeline [loadProject, authorize(read), Query.projectMembers.list]. */
import type { Context } from '@aws-appsync/utils';
import type { QueryProjectMembersArgs } from '../types/graphql.ts';
import { pageLimit } from './lib/page.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<QueryProjectMembersArgs>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.need = 'read';
  ctx.stash.limit = pageLimit(ctx.args.limit);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
