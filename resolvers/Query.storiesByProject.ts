/** storiesByProject: byParent PROJECT#id / STORY#, oldest first. */
import type { Context } from '@aws-appsync/utils';
import type { QueryStoriesByProjectArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';

export function request(ctx: Context<QueryStoriesByProjectArgs>) {
  return listRequest(ctx, 'projectId', 'read');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
