/** timeEntriesByTask step: Query PK = TASK#id, begins_with(SK, TIME_ENTRY_PREFIX). */
import type { Context } from '@aws-appsync/utils';
import { TIME_ENTRY_PREFIX } from '../model/keys.ts';
import type { QueryTimeEntriesByTaskArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { childrenQuery } from './lib/taskChildren.ts';

export function request(ctx: Context<QueryTimeEntriesByTaskArgs>) {
  return childrenQuery(ctx.stash.taskId as string, TIME_ENTRY_PREFIX, ctx.stash.limit as number, ctx.args.nextToken, false);
}

export function response(ctx: Context) {
  return connection(ctx);
}
