/** deleteAttachment step (Lambda `attachments`): delete the S3 object (idempotent), after the item is gone. */
import type { Context } from '@aws-appsync/utils';
import { raiseIfError } from './lib/errors.ts';

export function request(ctx: Context) {
  const a = ctx.stash.attachment as { id: string; taskId: string; projectId: string };
  return { operation: 'Invoke', payload: { action: 'deleteObject', projectId: a.projectId, taskId: a.taskId, attachmentId: a.id } };
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return ctx.stash.attachment;
}
