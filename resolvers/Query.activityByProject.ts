/** activityByProject: PK = PROJECT#id, ACTIVITY# prefix, newest first. */
import type { Context } from '@aws-appsync/utils';
import type { QueryActivityByProjectArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';

export function request(ctx: Context<QueryActivityByProjectArgs>) {
  return listRequest(ctx, 'projectId', 'read');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
