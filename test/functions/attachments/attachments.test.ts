/**
 * The `attachments` function and the local S3 on their own: s3rver restarts over the same folder keep
 * the bucket and its objects (bucket creation is idempotent), the bucket answers the browser's CORS
 * preflight, and the function refuses anything but one well-formed object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/attachments/handler.ts';
import { resetClients } from '../../../functions/lib/clients.ts';
import { startS3Local, type S3Local } from '../../../packages/appsync-local/src/services/s3-local.ts';
import { START_TIMEOUT_MS } from '../../support/timeouts.ts';

const BUCKET = 'att-fn-test';
const dir = mkdtempSync(join(tmpdir(), 'taskwire-s3fn-'));
let s3: S3Local;
const ref = { projectId: 'p1', taskId: 't1', attachmentId: 'a1' };

async function start(): Promise<void> {
  s3 = await startS3Local({ dataDir: dir, bucket: BUCKET, credentials: [{ accessKeyId: 'fn-key', secretAccessKey: 'fn-secret' }] });
  Object.assign(process.env, {
    ATTACHMENTS_BUCKET: BUCKET,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'fn-key',
    AWS_SECRET_ACCESS_KEY: 'fn-secret',
    AWS_ENDPOINT_URL_S3: s3.endpoint,
  });
  resetClients();
}

beforeAll(start, START_TIMEOUT_MS);
afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(bytes: string): Promise<number> {
  const up = (await handler({ action: 'presignUpload', ...ref, contentType: 'text/plain', size: bytes.length })) as { url: string; fields: Record<string, string> };
  const form = new FormData();
  for (const [k, v] of Object.entries(up.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: 'text/plain' }), 'x.txt');
  return (await fetch(up.url, { method: 'POST', body: form })).status;
}

describe('local S3 and the attachments function', () => {
  it('keeps the bucket and its objects across a restart over the same folder', async () => {
    expect(await upload('kept')).toBe(204);
    await s3.stop();
    await start();
    expect(await handler({ action: 'head', ...ref })).toEqual({ exists: true, size: 4, contentType: 'text/plain' });
  });

  it('answers the browser client CORS preflight for a POST upload', async () => {
    const res = await fetch(`${s3.endpoint}/${BUCKET}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('deletes idempotently and reports an absent object as absent', async () => {
    expect(await handler({ action: 'deleteObject', ...ref })).toEqual({ deleted: true });
    expect(await handler({ action: 'deleteObject', ...ref })).toEqual({ deleted: true });
    expect(await handler({ action: 'head', ...ref })).toEqual({ exists: false, size: null, contentType: null });
  });

  it('refuses ids that could leave the object key, bad sizes and content types, and unknown actions', async () => {
    await expect(handler({ action: 'head', ...ref, taskId: '../t2' })).rejects.toThrow(/taskId must be an id/);
    await expect(handler({ action: 'head', ...ref, projectId: 'p1/tasks' })).rejects.toThrow(/projectId must be an id/);
    await expect(handler({ action: 'presignUpload', ...ref, contentType: 'text/plain', size: 25 * 1024 * 1024 + 1 })).rejects.toThrow(/size/);
    await expect(handler({ action: 'presignUpload', ...ref, contentType: 'text/plain', size: 0 })).rejects.toThrow(/size/);
    await expect(handler({ action: 'presignUpload', ...ref, contentType: 'text/plain\r\nx: y', size: 1 })).rejects.toThrow(/contentType/);
    await expect(handler({ action: 'presignDownload', ...ref, fileName: '', contentType: 'text/plain' })).rejects.toThrow(/fileName/);
    await expect(handler({ action: 'nope' } as never)).rejects.toThrow(/unknown action/);
  });
});
