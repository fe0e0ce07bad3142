/** activityByTask: newest first. */
import type { Context } from '@aws-appsync/utils';
import type { QueryActivityByTaskArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryActivityByTaskArgs, Stash>) {
  return listRequest(ctx, 'taskId', 'read');
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
