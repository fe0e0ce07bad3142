/**
 * Pipeline step: loads the comment (ctx.stash.taskId, ctx.stash.commentId) of the already loaded task
 * into ctx.stash.comment; absent → NotFound. With ctx.stash.authorOnly, only its author or a project
 * ADMIN (or a global Admin) may go on → Unauthorized otherwise.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { commentKey } from '../../model/keys.ts';
import { isProjectAdmin } from '../lib/actor.ts';
import { forbidden, notFound, raiseIfError } from '../lib/errors.ts';
import type { CommentItem, Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  return ddb.get({ key: commentKey(ctx.stash.taskId, ctx.stash.commentId), consistentRead: true });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const comment = ctx.result as CommentItem | null;
  if (!comment) return notFound('Comment');
  const actor = ctx.stash.actor;
  if (ctx.stash.authorOnly && comment.authorId !== actor.id && !isProjectAdmin(actor)) {
    return forbidden('Only the author or a project admin may change this comment');
  }
  ctx.stash.comment = comment;
  return comment;
}
