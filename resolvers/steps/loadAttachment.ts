/**
 * Pipeline step (manifest name `loadAttachment`): loads the attachment (ctx.stash.taskId,
 * ctx.stash.attachmentId) of the already loaded and authorised task into ctx.stash.attachment;
 * absent → NotFound. With ctx.stash.uploaderOnly, only its uploader or a project ADMIN (or a global
 * Admin, or the system) may go on → Unauthorized otherwise. Shared by confirmAttachmentUpload,
 * attachmentDownloadUrl and deleteAttachment.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, attachmentKey } from '../../model/keys.ts';
import { isProjectAdmin } from '../lib/actor.ts';
import { forbidden, notFound, raiseIfError } from '../lib/errors.ts';
import type { AttachmentItem, Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  return ddb.get({ key: attachmentKey(ctx.stash.taskId, ctx.stash.attachmentId), consistentRead: true });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const attachment = ctx.result as (AttachmentItem & { entity: string }) | null;
  if (!attachment || attachment.entity !== ENTITY.attachment) return notFound('Attachment');
  const actor = ctx.stash.actor;
  if (ctx.stash.uploaderOnly && attachment.uploadedBy !== actor.id && !isProjectAdmin(actor)) {
    return forbidden('Only the uploader or a project admin may change this attachment');
  }
  ctx.stash.attachment = attachment;
  return attachment;
}
