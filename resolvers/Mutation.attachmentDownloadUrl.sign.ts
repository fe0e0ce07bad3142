/** attachmentDownloadUrl step (Lambda `attachments`): presigned GET of a READY attachment's object. */
import type { Context } from '@aws-appsync/utils';
import { raiseIfError, stateConflict } from './lib/errors.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const a = ctx.stash.attachment;
  if (a.status !== 'READY') {
    stateConflict('The attachment has not been uploaded and confirmed yet', 'ATTACHMENT_NOT_READY', { status: a.status });
  }
  return {
    operation: 'Invoke',
    payload: {
      action: 'presignDownload',
      projectId: a.projectId,
      taskId: a.taskId,
      attachmentId: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
    },
  };
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const r = ctx.result as { url: string; expiresAt: string };
  return { url: r.url, expiresAt: r.expiresAt };
}
