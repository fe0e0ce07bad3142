/** backlog: tasks of the project in no sprint, by rank. */
import type { Context } from '@aws-appsync/utils';
import type { QueryBacklogArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryBacklogArgs, Stash>) {
  return listRequest(ctx, 'projectId', 'read');
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
