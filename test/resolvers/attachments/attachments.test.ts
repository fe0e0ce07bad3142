/**
 * Attachments end to end: createAttachmentUpload → the browser's presigned POST to S3 (s3rver) →
 * confirmAttachmentUpload → attachmentDownloadUrl → GET returns the bytes → deleteAttachment; the
 * refusals; and the scoping of the presigned POST policy and GET URL (s3rver does not verify
 * signatures or policies, so the signed policy and URL are read and checked here).
 */
import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachmentObjectKey, taskPk, taskPurgeKey } from '../../../model/keys.ts';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { client, seedProject, user } from '../tasks/harness.ts';
import { BUCKET, buildAttachmentsApp, token, useS3AndEnv } from './harness.ts';
import { eventually } from '../../support/eventually.ts';
import { UPLOAD_EXPIRES_SECONDS } from '../../../functions/attachments/s3.ts';
import { finalSweepAt, purgeTask } from '../../../functions/workers/purgeTask.ts';

const db = useDynamoDbTable();
const s3 = useS3AndEnv(db);
const P = 'proj-att';
const ada = user('ada'); // ADMIN
const bob = user('bob'); // MEMBER
const max = user('max'); // MEMBER
const vic = user('vic'); // VIEWER
const eve = user('eve'); // ADMIN of another project
let gql: ReturnType<typeof client>;
let taskId = '';
let otherTaskId = '';

const ATT = 'id taskId projectId fileName contentType size status uploadedBy version';
const CREATE = `mutation($i: CreateAttachmentUploadInput!) { createAttachmentUpload(input: $i) { attachment { ${ATT} } url fields expiresAt } }`;
const CONFIRM = `mutation($t: ID!, $id: ID!) { confirmAttachmentUpload(taskId: $t, id: $id) { ${ATT} } }`;
const DOWNLOAD = `mutation($t: ID!, $id: ID!) { attachmentDownloadUrl(taskId: $t, id: $id) { url expiresAt } }`;
const DELETE = `mutation($t: ID!, $id: ID!) { deleteAttachment(taskId: $t, id: $id) { ${ATT} } }`;
const LIST = `query($t: ID!) { attachmentsByTask(taskId: $t) { items { ${ATT} } nextToken } }`;
const HISTORY = `query($t: ID!) { activityByTask(taskId: $t, limit: 100) { items { action entityType entityId } } }`;

async function createTask(projectId: string, who = ada): Promise<string> {
  const r = await gql(who, `mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`, { i: { projectId, title: 'With files' } });
  expect(r.errors).toBeUndefined();
  return r.data!.createTask.id;
}

async function requestUpload(who: Parameters<typeof gql>[0], input: Record<string, unknown>) {
  return gql(who, CREATE, { i: { taskId, fileName: 'notes.txt', contentType: 'text/plain', size: 11, ...input } });
}

/** The browser's part: multipart POST of the fields, then the file, to the presigned URL. */
async function postFile(upload: { url: string; fields: string }, bytes: Buffer, contentType: string, fileName = 'notes.txt') {
  const form = new FormData();
  for (const [k, v] of Object.entries(JSON.parse(upload.fields) as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), fileName);
  return fetch(upload.url, { method: 'POST', body: form });
}

function policyOf(fields: string): { expiration: string; conditions: unknown[] } {
  const f = JSON.parse(fields) as Record<string, string>;
  return JSON.parse(Buffer.from(f.Policy!, 'base64').toString('utf8'));
}

function s3Client() {
  return new S3Client({ endpoint: s3.s3.endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

async function objectExists(key: string): Promise<boolean> {
  const c = s3Client();
  try {
    await c.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return true;
  } catch (e) {
    if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw e;
  } finally {
    c.destroy();
  }
}

beforeAll(async () => {
  gql = client(buildAttachmentsApp(db, s3));
  await seedProject(db, P, 'AT', { ada: 'ADMIN', bob: 'MEMBER', max: 'MEMBER', vic: 'VIEWER' });
  await seedProject(db, 'proj-foreign', 'FO', { eve: 'ADMIN' });
  taskId = await createTask(P);
  otherTaskId = await createTask('proj-foreign', eve);
});

describe('attachments through the local AppSync, DynamoDB Local and s3rver', () => {
  it('uploads with the presigned POST, confirms, downloads the same bytes, and deletes', async () => {
    const bytes = Buffer.from('hello world');
    const created = await requestUpload(bob, { fileName: 'notes "v2".txt' });
    expect(created.errors).toBeUndefined();
    const up = created.data!.createAttachmentUpload;
    expect(up.attachment).toMatchObject({ taskId, projectId: P, fileName: 'notes "v2".txt', contentType: 'text/plain', size: 11, status: 'PENDING', uploadedBy: 'bob', version: 1 });
    const id = up.attachment.id as string;
    const key = attachmentObjectKey(P, taskId, id);

    // Listed as PENDING (visible, and not presented as ready).
    const pending = await gql(vic, LIST, { t: taskId });
    expect(pending.data!.attachmentsByTask.items).toEqual([expect.objectContaining({ id, status: 'PENDING' })]);

    // Not downloadable before it is confirmed; not confirmable before the bytes are there.
    const early = await gql(bob, DOWNLOAD, { t: taskId, id });
    expect(early.errors![0]).toMatchObject({ errorType: 'ConflictError', errorInfo: { reason: 'ATTACHMENT_NOT_READY' } });
    const unconfirmed = await gql(bob, CONFIRM, { t: taskId, id });
    expect(unconfirmed.errors![0]!.errorType).toBe('ValidationError');

    const posted = await postFile(up, bytes, 'text/plain');
    expect(posted.status).toBe(204);
    expect(await objectExists(key)).toBe(true);

    const confirmed = await gql(bob, CONFIRM, { t: taskId, id });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmAttachmentUpload).toMatchObject({ id, status: 'READY', version: 2 });
    // Idempotent: confirming again answers the same, writes nothing.
    const again = await gql(bob, CONFIRM, { t: taskId, id });
    expect(again.data!.confirmAttachmentUpload).toMatchObject({ id, status: 'READY', version: 2 });

    // A VIEWER may read it.
    const dl = await gql(vic, DOWNLOAD, { t: taskId, id });
    expect(dl.errors).toBeUndefined();
    const res = await fetch(dl.data!.attachmentDownloadUrl.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="notes _v2_.txt"; filename*=UTF-8''notes%20%22v2%22.txt`);
    expect(res.headers.get('content-type')).toBe('text/plain');

    // Another MEMBER may not delete bob's file; bob may; the item, the object and the listing go.
    const notYours = await gql(max, DELETE, { t: taskId, id });
    expect(notYours.errors![0]!.errorType).toBe('Unauthorized');
    const deleted = await gql(bob, DELETE, { t: taskId, id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteAttachment).toMatchObject({ id, status: 'READY' });
    expect(await objectExists(key)).toBe(false);
    expect((await gql(vic, LIST, { t: taskId })).data!.attachmentsByTask.items).toEqual([]);
    const twice = await gql(bob, DELETE, { t: taskId, id });
    expect(twice.errors![0]!.errorType).toBe('NotFound');

    // The history holds ATTACHED, UPDATED (READY) and DELETED for it — each once.
    const history = (await gql(ada, HISTORY, { t: taskId })).data!.activityByTask.items.filter((a: { entityId: string }) => a.entityId === id);
    expect(history.map((a: { action: string; entityType: string }) => `${a.entityType}:${a.action}`).sort()).toEqual([
      'ATTACHMENT:ATTACHED',
      'ATTACHMENT:DELETED',
      'ATTACHMENT:UPDATED',
    ]);
  });

  it('scopes the presigned POST to one object, the declared size and type, for minutes', async () => {
    const before = Date.now();
    const r = await requestUpload(bob, { size: 1234, contentType: 'IMAGE/PNG', fileName: 'shot.png' });
    expect(r.errors).toBeUndefined();
    const up = r.data!.createAttachmentUpload;
    const key = attachmentObjectKey(P, taskId, up.attachment.id);
    const fields = JSON.parse(up.fields) as Record<string, string>;
    expect(up.url).toBe(`${s3.s3.endpoint}/${BUCKET}`);
    expect(fields.key).toBe(key);
    expect(fields['Content-Type']).toBe('image/png');
    const policy = policyOf(up.fields);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: BUCKET },
        { key },
        ['content-length-range', 1234, 1234],
        ['eq', '$Content-Type', 'image/png'],
      ]),
    );
    // No wildcard on the key: neither starts-with nor ${filename}.
    expect(JSON.stringify(policy.conditions)).not.toMatch(/starts-with|\$\{filename\}/);
    const expires = Date.parse(policy.expiration);
    expect(expires - before).toBeGreaterThanOrEqual(5 * 60_000);
    expect(expires - before).toBeLessThanOrEqual(15 * 60_000 + 5_000);
    expect(Date.parse(up.expiresAt)).toBeCloseTo(expires, -4);
    // The signature covers this exact policy document.
    expect(fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(fields['X-Amz-Algorithm']).toBe('AWS4-HMAC-SHA256');
  });

  it('scopes the download URL to that one object, as a download, for about five minutes', async () => {
    const bytes = Buffer.from('%PDF-1.4 tiny');
    const up = (await requestUpload(ada, { fileName: 'spec.pdf', contentType: 'application/pdf', size: bytes.length })).data!.createAttachmentUpload;
    expect((await postFile(up, bytes, 'application/pdf', 'spec.pdf')).status).toBe(204);
    expect((await gql(ada, CONFIRM, { t: taskId, id: up.attachment.id })).errors).toBeUndefined();
    const dl = (await gql(bob, DOWNLOAD, { t: taskId, id: up.attachment.id })).data!.attachmentDownloadUrl;
    const url = new URL(dl.url);
    expect(url.pathname).toBe(`/${BUCKET}/${attachmentObjectKey(P, taskId, up.attachment.id)}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('response-content-disposition')).toBe(`attachment; filename="spec.pdf"; filename*=UTF-8''spec.pdf`);
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    const ttl = Date.parse(dl.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
  });

  it('refuses a VIEWER, a read token, another project, bad input, and a size that differs from the declared one', async () => {
    const viewer = await requestUpload(vic, {});
    expect(viewer.errors![0]!.errorType).toBe('Unauthorized');
    const readToken = await requestUpload(token(P, 'READ'), {});
    expect(readToken.errors![0]!.errorType).toBe('Unauthorized');
    const foreign = await requestUpload(eve, {});
    expect(foreign.errors![0]!.errorType).toBe('NotFound');
    const foreignToken = await gql(token('proj-foreign', 'READ_WRITE'), CREATE, { i: { taskId, fileName: 'a.txt', contentType: 'text/plain', size: 1 } });
    expect(foreignToken.errors![0]!.errorType).toBe('NotFound');
    // A read-write token of the project may upload.
    const rw = await requestUpload(token(P, 'READ_WRITE'), {});
    expect(rw.errors).toBeUndefined();
    expect(rw.data!.createAttachmentUpload.attachment.uploadedBy).toBe('token:tok-READ_WRITE');

    const bad: [Record<string, unknown>, string][] = [
      [{ size: 25 * 1024 * 1024 + 1 }, 'size'],
      [{ size: 0 }, 'size'],
      [{ fileName: 'x'.repeat(256) }, 'fileName'],
      [{ fileName: '   ' }, 'fileName'],
      [{ fileName: '../../etc/passwd' }, 'fileName'],
      [{ fileName: 'a\u0000b.txt' }, 'fileName'],
      [{ contentType: 'text/html' }, 'contentType'],
      [{ contentType: 'image/svg+xml' }, 'contentType'],
    ];
    for (const [input, field] of bad) {
      const r = await requestUpload(bob, input);
      expect(r.errors?.[0], JSON.stringify(input)).toMatchObject({ errorType: 'ValidationError', errorInfo: { field } });
    }
    const max25 = await requestUpload(bob, { size: 25 * 1024 * 1024 });
    expect(max25.errors).toBeUndefined();

    // Nothing of the refused requests reached the table: only this test's two accepted uploads (rw,
    // max25) and the earlier tests' items exist.
    const items = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
        ExpressionAttributeValues: { ':pk': { S: taskPk(taskId) }, ':a': { S: 'ATTACHMENT#' } },
      }),
    );
    expect((items.Items ?? []).map((i) => unmarshall(i).fileName).sort()).toEqual(['notes.txt', 'notes.txt', 'shot.png', 'spec.pdf']);

    // Foreign ids: another project's task, or an attachment id of another task, are NotFound.
    const id = rw.data!.createAttachmentUpload.attachment.id;
    expect((await gql(eve, DOWNLOAD, { t: taskId, id })).errors![0]!.errorType).toBe('NotFound');
    expect((await gql(eve, CONFIRM, { t: otherTaskId, id })).errors![0]!.errorType).toBe('NotFound');
    expect((await gql(bob, DELETE, { t: taskId, id: 'no-such-attachment' })).errors![0]!.errorType).toBe('NotFound');

    // More bytes than declared (s3rver does not enforce the policy; S3 does): confirm still refuses.
    const up = rw.data!.createAttachmentUpload;
    expect((await postFile(up, Buffer.from('this is far more than eleven bytes'), 'text/plain')).status).toBe(204);
    const wrongSize = await gql(token(P, 'READ_WRITE'), CONFIRM, { t: taskId, id });
    expect(wrongSize.errors![0]).toMatchObject({ errorType: 'ValidationError' });
    expect(wrongSize.errors![0]!.message).toMatch(/not the 11 declared/);
  });

  it('deleteTask hands the attachments to the purge: items and objects go; the tombstone stays until every upload URL has expired', async () => {
    const t = await createTask(P);
    const bytes = Buffer.from('bye');
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) {
      const up = (await gql(bob, CREATE, { i: { taskId: t, fileName: `f${i}.txt`, contentType: 'text/plain', size: 3 } })).data!.createAttachmentUpload;
      expect((await postFile(up, bytes, 'text/plain')).status).toBe(204);
      keys.push(attachmentObjectKey(P, t, up.attachment.id));
    }
    // An upload URL handed out before the delete, used only after it.
    const late = (await gql(bob, CREATE, { i: { taskId: t, fileName: 'late.txt', contentType: 'text/plain', size: 3 } })).data!.createAttachmentUpload;
    const lateKey = attachmentObjectKey(P, t, late.attachment.id);
    const del = await gql(ada, `mutation($id: ID!) { deleteTask(id: $id) { id deletedAt } }`, { id: t });
    expect(del.errors).toBeUndefined();
    expect(del.data!.deleteTask.id).toBe(t);
    const deletedAt = Date.parse(del.data!.deleteTask.deletedAt);
    // A deleted task takes no new uploads and no confirmations.
    expect((await gql(bob, CREATE, { i: { taskId: t, fileName: 'x.txt', contentType: 'text/plain', size: 3 } })).errors?.[0]?.errorType).toBe('NotFound');
    expect((await gql(bob, CONFIRM, { t, id: late.attachment.id })).errors?.[0]?.errorType).toBe('NotFound');

    const tombstone = async () =>
      (await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: { PK: { S: taskPurgeKey(t).PK }, SK: { S: taskPurgeKey(t).SK } }, ConsistentRead: true }))).Item;
    const partition = async () =>
      ((await db.client.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: taskPk(t) } }, ConsistentRead: true }))).Items ?? []).map((i) => unmarshall(i).SK);
    // The purge runs after the response (Event invocation): every child and object goes, the tombstone stays.
    await eventually(async () => expect(await partition()).toEqual(['PURGE']));
    for (const key of keys) expect(await objectExists(key)).toBe(false);
    expect(s3.asyncErrors).toEqual([]);

    // The late upload lands after that pass: a pass while its URL may still be valid sweeps, and keeps the tombstone.
    expect((await postFile(late, bytes, 'text/plain')).status).toBe(204);
    const early = await purgeTask(t, { now: () => deletedAt + (UPLOAD_EXPIRES_SECONDS - 1) * 1000 });
    expect(early).toMatchObject({ done: false, finalSweepAt: new Date(finalSweepAt(del.data!.deleteTask.deletedAt)).toISOString() });
    expect(await objectExists(lateKey)).toBe(false);
    expect(await tombstone()).toBeTruthy();

    // Uploaded again with the same URL, then the pass once every URL has expired: object and tombstone go.
    expect((await postFile(late, bytes, 'text/plain')).status).toBe(204);
    const final = await purgeTask(t, { now: () => finalSweepAt(del.data!.deleteTask.deletedAt) });
    expect(final).toMatchObject({ done: true, objectsDeleted: 1 });
    expect(await objectExists(lateKey)).toBe(false);
    expect(await tombstone()).toBeUndefined();
    expect(await partition()).toEqual([]);
  });
});
