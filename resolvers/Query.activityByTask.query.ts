/** activityByTask step: Query PK = TASK#id, begins_with(SK, ACTIVITY_PREFIX). */
import type { Context } from '@aws-appsync/utils';
import { ACTIVITY_PREFIX } from '../model/keys.ts';
import type { QueryActivityByTaskArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { childrenQuery } from './lib/taskChildren.ts';

export function request(ctx: Context<QueryActivityByTaskArgs>) {
  return childrenQuery(ctx.stash.taskId as string, ACTIVITY_PREFIX, ctx.stash.limit as number, ctx.args.nextToken, true);
}

export function response(ctx: Context) {
  return connection(ctx);
}
