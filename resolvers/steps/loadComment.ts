/**
 * Pipeline step: loads the comment (ctx.stash.taskId, ctx.stash.commentId) of the already loaded task
 * into ctx.stash.comment; absent → NotFound. With ctx.stash.authorOnly, only its author or a project
 * ADMIN (or a global Admin) may go on → Unauthorized otherwise.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { commentKey } from '../../model/keys.ts';
import { isProjectAdmin, type Actor } from '../lib/actor.ts';
import { forbidden, notFound, raiseIfError } from '../lib/errors.ts';

export function request(ctx: Context) {
  return ddb.get({ key: commentKey(ctx.stash.taskId as string, ctx.stash.commentId as string), consistentRead: true });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  const comment = ctx.result as { authorId: string } | null;
  if (!comment) return notFound('Comment');
  const actor = ctx.stash.actor as Actor;
  if (ctx.stash.authorOnly && comment.authorId !== actor.id && !isProjectAdmin(actor)) {
    return forbidden('Only the author or a project admin may change this comment');
  }
  ctx.stash.comment = comment;
  return comment;
}
