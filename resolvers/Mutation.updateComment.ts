/**
 * updateComment: by its author or a project ADMIN; versioned. The new body's @mentions are resolved
 * again, as addComment records them.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateCommentArgs } from '../types/graphql.ts';
import { LIMITS, id, text } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateCommentArgs, Stash>) {
  ctx.stash.body = text(ctx.args.input.body, 'body', LIMITS.body);
  ctx.stash.taskId = id(ctx.args.input.taskId, 'taskId');
  ctx.stash.commentId = id(ctx.args.input.id, 'id');
  ctx.stash.authorOnly = true;
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
