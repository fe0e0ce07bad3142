/**
 * confirmAttachmentUpload (the uploader or an ADMIN): the object is checked in S3 (Lambda
 * `attachments` HEADs it), then the attachment goes PENDING → READY (versioned, + activity).
 * Absent object → ValidationError; present with another size or content type than declared →
 * ValidationError. Idempotent: an attachment that is already READY is returned as it is, and a
 * concurrent confirm that lost the race answers with the READY item too.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationConfirmAttachmentUploadArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationConfirmAttachmentUploadArgs, Stash>) {
  ctx.stash.taskId = id(ctx.args.taskId, 'taskId');
  ctx.stash.attachmentId = id(ctx.args.id, 'id');
  ctx.stash.uploaderOnly = true;
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
