/** Query.projectMembers: anyone who may read the project. */
import type { Context } from '@aws-appsync/utils';
import type { QueryProjectMembersArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryProjectMembersArgs, Stash>) {
  return listRequest(ctx, 'projectId', 'read');
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
