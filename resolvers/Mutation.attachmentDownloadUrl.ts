/**
 * attachmentDownloadUrl: a presigned GET of that one object (Lambda `attachments`, ~5 min, served as a
 * download under its file name), for anyone who may read the task.
 * Only READY attachments: a PENDING one → ConflictError (reason ATTACHMENT_NOT_READY). A Mutation
 * because it mints a credential; it changes nothing, so it writes no activity.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationAttachmentDownloadUrlArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationAttachmentDownloadUrlArgs, Stash>) {
  ctx.stash.taskId = id(ctx.args.taskId, 'taskId');
  ctx.stash.attachmentId = id(ctx.args.id, 'id');
  ctx.stash.need = 'read';
  // Reading an archived project stays allowed (steps/authorize.ts).
  ctx.stash.whileArchived = true;
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
