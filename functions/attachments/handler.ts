/**
 * Lambda `attachments` (data source `attachmentsFn` of the attachment pipelines): the S3 side of an
 * attachment, always for exactly one object, `attachmentObjectKey(projectId, taskId, attachmentId)`,
 * computed here from ids (never taken from the caller). Event (AppSync Invoke payload):
 *
 *   { action: 'presignUpload', projectId, taskId, attachmentId, contentType, size }
 *       → { url, fields, key, expiresAt }   presigned POST: policy pins bucket, the exact key,
 *         Content-Type, content-length-range [size, size]; expires in UPLOAD_EXPIRES_SECONDS
 *   { action: 'head', projectId, taskId, attachmentId }
 *       → { exists, size, contentType }     HEAD of the object (absent → exists: false)
 *   { action: 'presignDownload', projectId, taskId, attachmentId, fileName, contentType }
 *       → { url, expiresAt }                presigned GET of that object, DOWNLOAD_EXPIRES_SECONDS,
 *         with Content-Disposition `attachment` (the file name) and the stored Content-Type
 *   { action: 'deleteObject', projectId, taskId, attachmentId } → { deleted: true }   (idempotent)
 *
 * No state is kept: every action is safe to retry. The resolvers check who may do what; this function
 * checks only that it is asked about one well-formed object.
 * Env: ATTACHMENTS_BUCKET, AWS_REGION; AWS_ENDPOINT_URL_S3 locally (see s3.ts).
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { UPLOAD_EXPIRES_SECONDS, bucketName, objectKeyOf, s3Client } from './s3.ts';

export const DOWNLOAD_EXPIRES_SECONDS = 300;
/** The same bound createAttachmentUpload validates (25 MB); checked again here. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

const CONTENT_TYPE = /^[a-z0-9][a-z0-9.+-]{0,63}\/[a-z0-9][a-z0-9.+-]{0,127}$/;

export interface ObjectRef {
  projectId: string;
  taskId: string;
  attachmentId: string;
}

export type AttachmentsEvent =
  | ({ action: 'presignUpload'; contentType: string; size: number } & ObjectRef)
  | ({ action: 'head' } & ObjectRef)
  | ({ action: 'presignDownload'; fileName: string; contentType: string } & ObjectRef)
  | ({ action: 'deleteObject' } & ObjectRef);

export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  key: string;
  expiresAt: string;
}

export interface ObjectHead {
  exists: boolean;
  size: number | null;
  contentType: string | null;
}

function contentTypeOf(value: unknown): string {
  if (typeof value !== 'string' || !CONTENT_TYPE.test(value)) throw new Error('attachments: contentType must be type/subtype');
  return value;
}

function sizeOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_ATTACHMENT_BYTES) {
    throw new Error(`attachments: size must be a whole number of bytes between 1 and ${MAX_ATTACHMENT_BYTES}`);
  }
  return value;
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987>`: the browser saves the file
 * under its name and never renders it inline (an uploaded HTML or SVG file cannot run in our origin).
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_').slice(0, 255) || 'download';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

async function presignUpload(e: ObjectRef & { contentType: unknown; size: unknown }): Promise<PresignedUpload> {
  const key = objectKeyOf(e);
  const contentType = contentTypeOf(e.contentType);
  const size = sizeOf(e.size);
  const expiresAt = new Date(Date.now() + UPLOAD_EXPIRES_SECONDS * 1000);
  const { url, fields } = await createPresignedPost(s3Client(), {
    Bucket: bucketName(),
    Key: key,
    Conditions: [
      ['content-length-range', size, size],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: UPLOAD_EXPIRES_SECONDS,
  });
  return { url, fields, key, expiresAt: expiresAt.toISOString() };
}

async function head(e: ObjectRef): Promise<ObjectHead> {
  try {
    const r = await s3Client().send(new HeadObjectCommand({ Bucket: bucketName(), Key: objectKeyOf(e) }));
    return { exists: true, size: r.ContentLength ?? null, contentType: r.ContentType ?? null };
  } catch (err) {
    const name = (err as { name?: string }).name;
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (name === 'NotFound' || name === 'NoSuchKey' || status === 404) return { exists: false, size: null, contentType: null };
    throw err;
  }
}

async function presignDownload(e: ObjectRef & { fileName: unknown; contentType: unknown }): Promise<{ url: string; expiresAt: string }> {
  if (typeof e.fileName !== 'string' || e.fileName.length === 0) throw new Error('attachments: fileName is required');
  const expiresAt = new Date(Date.now() + DOWNLOAD_EXPIRES_SECONDS * 1000);
  const url = await getSignedUrl(
    s3Client(),
    new GetObjectCommand({
      Bucket: bucketName(),
      Key: objectKeyOf(e),
      ResponseContentDisposition: contentDisposition(e.fileName),
      ResponseContentType: contentTypeOf(e.contentType),
    }),
    { expiresIn: DOWNLOAD_EXPIRES_SECONDS },
  );
  return { url, expiresAt: expiresAt.toISOString() };
}

export async function deleteObject(e: ObjectRef): Promise<{ deleted: true }> {
  // S3 answers 204 for an absent key too: deleting twice is the same as deleting once.
  await s3Client().send(new DeleteObjectCommand({ Bucket: bucketName(), Key: objectKeyOf(e) }));
  return { deleted: true };
}

export async function handler(event: AttachmentsEvent): Promise<unknown> {
  switch (event?.action) {
    case 'presignUpload':
      return presignUpload(event);
    case 'head':
      return head(event);
    case 'presignDownload':
      return presignDownload(event);
    case 'deleteObject':
      return deleteObject(event);
    default:
      throw new Error(`attachments: unknown action ${JSON.stringify((event as { action?: unknown } | null)?.action)}`);
  }
}
