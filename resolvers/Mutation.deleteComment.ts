/** deleteComment: by its author or a project ADMIN. */
import type { Context } from '@aws-appsync/utils';
import type { MutationDeleteCommentArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<MutationDeleteCommentArgs>) {
  ctx.stash.taskId = id(ctx.args.taskId, 'taskId');
  ctx.stash.commentId = id(ctx.args.id, 'id');
  ctx.stash.authorOnly = true;
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
