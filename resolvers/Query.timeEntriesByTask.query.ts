/** timeEntriesByTask step: Query PK = TASK#id, begins_with(SK, TIME_ENTRY_PREFIX). */
import type { Context } from '@aws-appsync/utils';
import { TIME_ENTRY_PREFIX } from '../model/keys.ts';
import type { QueryTimeEntriesByTaskArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { childrenQuery } from './lib/taskChildren.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryTimeEntriesByTaskArgs, Stash>) {
  return childrenQuery(ctx.stash.taskId, TIME_ENTRY_PREFIX, ctx.stash.limit, ctx.args.nextToken, false);
}

export function response(ctx: Context<unknown, Stash>) {
  return connection(ctx);
}
