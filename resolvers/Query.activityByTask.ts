/** activityByTask: newest first. */
import type { Context } from '@aws-appsync/utils';
import type { QueryActivityByTaskArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';

export function request(ctx: Context<QueryActivityByTaskArgs>) {
  return listRequest(ctx, 'taskId', 'read');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
