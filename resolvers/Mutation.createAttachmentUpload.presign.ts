/** createAttachmentUpload step (Lambda `attachments`): the presigned POST for this one object. */
import type { Context } from '@aws-appsync/utils';
import { raiseIfError } from './lib/errors.ts';
import type { TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  const task = ctx.stash.task as TaskItem;
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

export function response(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.upload = ctx.result;
  return ctx.result;
}
