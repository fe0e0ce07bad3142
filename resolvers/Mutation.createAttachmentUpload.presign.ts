/** createAttachmentUpload step (Lambda `attachments`): the presigned POST for this one object. */
import type { Context } from '@aws-appsync/utils';
import { raiseIfError } from './lib/errors.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const task = ctx.stash.task;
  return {
    operation: 'Invoke',
    payload: {
      action: 'presignUpload',
      projectId: task.projectId,
      taskId: task.id,
      attachmentId: ctx.stash.attachmentId,
      contentType: ctx.stash.contentType,
      size: ctx.stash.size,
    },
  };
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  ctx.stash.upload = ctx.result;
  return ctx.result;
}
