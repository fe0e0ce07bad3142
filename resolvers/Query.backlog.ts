/** backlog: tasks of the project in no sprint, by rank. */
import type { Context } from '@aws-appsync/utils';
import type { QueryBacklogArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';

export function request(ctx: Context<QueryBacklogArgs>) {
  return listRequest(ctx, 'projectId', 'read');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
