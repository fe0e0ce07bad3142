/**
 * Query.myProjects: the caller's memberships (byParent index, USER#sub → PROJECT#…), then one
 * BatchGetItem of those projects. Archived
 * projects are dropped unless includeArchived (a page may then hold fewer than `limit` items; follow
 * nextToken). Each project carries the caller's role.
 */
import type { Context } from '@aws-appsync/utils';
import type { QueryMyProjectsArgs } from '../types/graphql.ts';
import { pageLimit } from './lib/page.ts';
import { signedInUser } from './lib/user.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryMyProjectsArgs, Stash>) {
  ctx.stash.user = signedInUser(ctx);
  ctx.stash.limit = pageLimit(ctx.args.limit);
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
