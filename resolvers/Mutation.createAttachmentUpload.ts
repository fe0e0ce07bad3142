/**
 * createAttachmentUpload (MEMBER+, read-write tokens): a presigned S3 POST from the `attachments`
 * function for exactly attachmentObjectKey(projectId, taskId, id) (Content-Type pinned,
 * content-length-range = the declared size, ~10 min), then the Attachment item, status PENDING, + ATTACHED
 * activity, one transaction. The client then POSTs `fields` + the file to
 * `url` and calls confirmAttachmentUpload. Bounds: fileName 1..255 characters without `/`, `\` or
 * control characters; contentType from ALLOWED_CONTENT_TYPES; size 1 byte..25 MB.
 */
import { util, type Context } from '@aws-appsync/utils';
import type { MutationCreateAttachmentUploadArgs } from '../types/graphql.ts';
import { validationError } from './lib/errors.ts';
import { newId } from './lib/ids.ts';
import { id, intRange, text } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

const MAX_FILE_NAME = 255;
const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** What a tracker's attachments are: documents, images, archives, media. Never HTML or SVG. */
const ALLOWED_CONTENT_TYPES = [
  'application/pdf',
  'application/json',
  'application/zip',
  'application/gzip',
  'application/octet-stream',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
  'text/csv',
  'text/markdown',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'audio/mpeg',
  'video/mp4',
  'video/webm',
];

export function request(ctx: Context<MutationCreateAttachmentUploadArgs, Stash>) {
  const input = ctx.args.input;
  const fileName = text(input.fileName, 'fileName', MAX_FILE_NAME);
  if (!util.matches('[^\\p{Cntrl}/\\\\]+', fileName)) {
    validationError('fileName must not contain /, \\ or control characters', 'fileName');
  }
  const contentType = text(input.contentType, 'contentType', 127).toLowerCase();
  if (ALLOWED_CONTENT_TYPES.indexOf(contentType) < 0) {
    validationError(`contentType ${contentType} is not accepted; use one of ${ALLOWED_CONTENT_TYPES.join(', ')}`, 'contentType');
  }
  ctx.stash.fileName = fileName;
  ctx.stash.contentType = contentType;
  ctx.stash.size = intRange(input.size, 'size', 1, MAX_ATTACHMENT_BYTES);
  ctx.stash.taskId = id(input.taskId, 'taskId');
  ctx.stash.attachmentId = newId();
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
