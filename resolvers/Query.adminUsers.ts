/**
 * Query.adminUsers (global Admins) — unit resolver on Lambda `admin`: Cognito's ListUsers, a page at a
 * time (its PaginationToken is the nextToken), each person with memberships, groups and last sign-in.
 */
import type { Context } from '@aws-appsync/utils';
import type { QueryAdminUsersArgs } from '../types/graphql.ts';
import { adminAnswer, globalAdmin, invokeAdmin } from './lib/admin.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryAdminUsersArgs, Stash>) {
  globalAdmin(ctx);
  return invokeAdmin({ action: 'users', limit: ctx.args.limit ?? null, nextToken: ctx.args.nextToken ?? null });
}

export function response(ctx: Context<unknown, Stash>) {
  return adminAnswer(ctx, 'Listing users');
}
