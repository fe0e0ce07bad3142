/** commentsByTask: oldest first. */
import type { Context } from '@aws-appsync/utils';
import type { QueryCommentsByTaskArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryCommentsByTaskArgs, Stash>) {
  return listRequest(ctx, 'taskId', 'read');
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
