/**
 * addComment: the comment, its COMMENTED activity, and the commenter joining the watchers, in one
 * transaction; @mentions are resolved against the project's members.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationAddCommentArgs } from '../types/graphql.ts';
import { LIMITS, id, text } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationAddCommentArgs, Stash>) {
  ctx.stash.body = text(ctx.args.input.body, 'body', LIMITS.body);
  ctx.stash.taskId = id(ctx.args.input.taskId, 'taskId');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
