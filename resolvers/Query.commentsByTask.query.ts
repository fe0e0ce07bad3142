/** commentsByTask step: Query PK = TASK#id, begins_with(SK, COMMENT_PREFIX). */
import type { Context } from '@aws-appsync/utils';
import { COMMENT_PREFIX } from '../model/keys.ts';
import type { QueryCommentsByTaskArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { childrenQuery } from './lib/taskChildren.ts';

export function request(ctx: Context<QueryCommentsByTaskArgs>) {
  return childrenQuery(ctx.stash.taskId as string, COMMENT_PREFIX, ctx.stash.limit as number, ctx.args.nextToken, false);
}

export function response(ctx: Context) {
  return connection(ctx);
}
