/** deleteAttachment step (Lambda `attachments`): delete the S3 object (idempotent), after the item is gone. */
import type { Context } from '@aws-appsync/utils';
import { raiseIfError } from './lib/errors.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const a = ctx.stash.attachment;
  return { operation: 'Invoke', payload: { action: 'deleteObject', projectId: a.projectId, taskId: a.taskId, attachmentId: a.id } };
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  return ctx.stash.attachment;
}
