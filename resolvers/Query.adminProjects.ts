/**
 * Query.adminProjects (global Admins) — unit resolver on Lambda `admin`: the project directory, a page
 * at a time, each project with its admins, memberCount and taskCount (docs/access-patterns.md).
 */
import type { Context } from '@aws-appsync/utils';
import type { QueryAdminProjectsArgs } from '../types/graphql.ts';
import { adminAnswer, globalAdmin, invokeAdmin } from './lib/admin.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryAdminProjectsArgs, Stash>) {
  globalAdmin(ctx);
  return invokeAdmin({
    action: 'projects',
    includeArchived: ctx.args.includeArchived === true,
    limit: ctx.args.limit ?? null,
    nextToken: ctx.args.nextToken ?? null,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  return adminAnswer(ctx, 'Listing projects');
}
