/** timeEntriesByTask: oldest first. */
import type { Context } from '@aws-appsync/utils';
import type { QueryTimeEntriesByTaskArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';

export function request(ctx: Context<QueryTimeEntriesByTaskArgs>) {
  return listRequest(ctx, 'taskId', 'read');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
