/**
 * The attachments bucket, shared by the `attachments` and `workers` functions: one S3 client per
 * process, configured only from the environment so the same code reaches AWS or the local server:
 *   ATTACHMENTS_BUCKET     the bucket (required)
 *   AWS_REGION             the region (Lambda sets it)
 *   AWS_ENDPOINT_URL_S3    a local S3-compatible endpoint (s3rver); when set, path-style addressing is
 *                          used (`http://host:port/bucket/key`), since `<bucket>.localhost` need not resolve
 * Object keys always come from model/keys.ts `attachmentObjectKey`, never from a caller's string.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { attachmentObjectKey } from '../../model/keys.ts';
import { cachedClient } from '../lib/clients.ts';
import { requireEnv } from '../lib/env.ts';

export function s3Client(): S3Client {
  return cachedClient('s3', ['AWS_ENDPOINT_URL_S3'], () => new S3Client({ forcePathStyle: !!process.env.AWS_ENDPOINT_URL_S3 }));
}

/**
 * How long a presigned upload URL stays valid. The presign uses it, and the purge of a deleted task keeps
 * sweeping the task's prefix until every URL issued before the delete has expired (workers purgeTask).
 */
export const UPLOAD_EXPIRES_SECONDS = 600;

export function bucketName(): string {
  return requireEnv('ATTACHMENTS_BUCKET');
}


/** Ids as Taskwire makes them (ULIDs, test ids): letters, digits, `-` and `_`, 1..64 characters. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !SAFE_ID.test(value)) throw new Error(`${what} must be an id (letters, digits, - and _)`);
  return value;
}

/** The one object an attachment may touch: projects/<projectId>/tasks/<taskId>/<attachmentId>. */
export function objectKeyOf(ref: { projectId: unknown; taskId: unknown; attachmentId: unknown }): string {
  return attachmentObjectKey(checkId(ref.projectId, 'projectId'), checkId(ref.taskId, 'taskId'), checkId(ref.attachmentId, 'attachmentId'));
}

/** Every object of one task (the purge removes what is left under it). */
export function taskObjectPrefix(projectId: string, taskId: string): string {
  const key = attachmentObjectKey(checkId(projectId, 'projectId'), checkId(taskId, 'taskId'), 'x');
  return key.slice(0, key.length - 1);
}
