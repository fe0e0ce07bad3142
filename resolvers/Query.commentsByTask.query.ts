/** commentsByTask step: Query PK = TASK#id, begins_with(SK, COMMENT_PREFIX). */
import type { Context } from '@aws-appsync/utils';
import { COMMENT_PREFIX } from '../model/keys.ts';
import type { QueryCommentsByTaskArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { childrenQuery } from './lib/taskChildren.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryCommentsByTaskArgs, Stash>) {
  return childrenQuery(ctx.stash.taskId, COMMENT_PREFIX, ctx.stash.limit, ctx.args.nextToken, false);
}

export function response(ctx: Context<unknown, Stash>) {
  return connection(ctx);
}
