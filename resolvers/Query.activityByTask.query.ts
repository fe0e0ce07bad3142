/** activityByTask step: Query PK = TASK#id, begins_with(SK, ACTIVITY_PREFIX). */
import type { Context } from '@aws-appsync/utils';
import { ACTIVITY_PREFIX } from '../model/keys.ts';
import type { QueryActivityByTaskArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { childrenQuery } from './lib/taskChildren.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryActivityByTaskArgs, Stash>) {
  return childrenQuery(ctx.stash.taskId, ACTIVITY_PREFIX, ctx.stash.limit, ctx.args.nextToken, true);
}

export function response(ctx: Context<unknown, Stash>) {
  return connection(ctx);
}
