/** confirmAttachmentUpload step (Lambda `attachments`): is the object there, with the declared size and type? */
import { runtime, type Context } from '@aws-appsync/utils';
import { raiseIfError, validationError } from './lib/errors.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const a = ctx.stash.attachment;
  if (a.status === 'READY') runtime.earlyReturn(a, { skipTo: 'NEXT' });
  return { operation: 'Invoke', payload: { action: 'head', projectId: a.projectId, taskId: a.taskId, attachmentId: a.id } };
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const a = ctx.stash.attachment;
  const head = ctx.result as { exists: boolean; size: number | null; contentType: string | null };
  if (!head || !head.exists) return validationError('The file has not been uploaded yet: POST it to the upload URL first', 'id');
  if (head.size !== a.size) {
    return validationError(`The uploaded file has ${head.size} bytes, not the ${a.size} declared; upload it again`, 'id');
  }
  if (head.contentType !== a.contentType) {
    return validationError(`The uploaded file is ${head.contentType}, not the ${a.contentType} declared; upload it again`, 'id');
  }
  return head;
}
