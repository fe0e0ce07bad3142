/** deleteComment: by its author or a project ADMIN. */
import type { Context } from '@aws-appsync/utils';
import type { MutationDeleteCommentArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationDeleteCommentArgs, Stash>) {
  ctx.stash.taskId = id(ctx.args.taskId, 'taskId');
  ctx.stash.commentId = id(ctx.args.id, 'id');
  ctx.stash.authorOnly = true;
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
