/**
 * deleteAttachment (the uploader or an ADMIN): the item + activity, one transaction, then the `attachments`
 * function deletes the S3 object (deleting an absent object succeeds, so a retry is harmless). Should
 * the object delete fail after the item is gone, the error is reported and the object stays under the
 * task's prefix, where the task's purge (functions/workers purgeTask) removes whatever is left. Returns
 * the attachment as it was.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationDeleteAttachmentArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationDeleteAttachmentArgs, Stash>) {
  ctx.stash.taskId = id(ctx.args.taskId, 'taskId');
  ctx.stash.attachmentId = id(ctx.args.id, 'id');
  ctx.stash.uploaderOnly = true;
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.stash.attachment;
}
