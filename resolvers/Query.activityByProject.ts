/** activityByProject: PK = PROJECT#id, ACTIVITY# prefix, newest first. */
import type { Context } from '@aws-appsync/utils';
import type { QueryActivityByProjectArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryActivityByProjectArgs, Stash>) {
  return listRequest(ctx, 'projectId', 'read');
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
