/**
 * Attachments through the local AppSync with the real parts: the resolver bundles of
 * resolvers/manifest.ts, DynamoDB Local, s3rver, and the real `attachments` and `workers` handlers as
 * in-process Lambda data sources — configured, as on AWS, only through environment variables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { LocalAppSync } from '../../../packages/appsync-local/src/appsync/app.ts';
import { createLambdaDataSource } from '../../../packages/appsync-local/src/appsync/datasources/index.ts';
import type { AuthResult } from '../../../packages/appsync-local/src/appsync/types.ts';
import { startS3Local, type S3Local } from '../../../packages/appsync-local/src/services/s3-local.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../packages/appsync-local/src/services/dynamodb-local.ts';
import { handler as attachments } from '../../../functions/attachments/handler.ts';
import { handler as workers } from '../../../functions/workers/handler.ts';
import { manifestApp } from '../../support/app.ts';
import type { DynamoDbFixture } from '../../support/dynamodb.ts';
import { START_TIMEOUT_MS } from '../../support/timeouts.ts';

export const BUCKET = 'taskwire-attachments-test';

export interface S3Fixture {
  s3: S3Local;
  /** Errors of Event invocations (the purge), which no response reports. */
  asyncErrors: unknown[];
}

/** s3rver on a free port with a throw-away folder, and the functions' environment pointed at it and at `db`. */
export function useS3AndEnv(db: DynamoDbFixture): S3Fixture {
  const fixture = { asyncErrors: [] } as unknown as S3Fixture;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taskwire-s3-'));
    fixture.s3 = await startS3Local({ dataDir: dir, bucket: BUCKET, credentials: [LOCAL_CREDENTIALS] });
    Object.assign(process.env, {
      TABLE_NAME: db.tableName,
      ATTACHMENTS_BUCKET: BUCKET,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
      AWS_ENDPOINT_URL_S3: fixture.s3.endpoint,
    });
    delete process.env.APPSYNC_URL;
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await fixture.s3?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return fixture;
}

export function buildAttachmentsApp(db: DynamoDbFixture, s3: S3Fixture): LocalAppSync {
  return manifestApp(db, {
    tokenSecret: 'attachment-tests',
    lambdas: {
      attachmentsFn: createLambdaDataSource({ name: 'attachments', handler: (e) => attachments(e as never) }),
      workersFn: createLambdaDataSource({
        name: 'workers',
        handler: (e, c) => workers(e as never, c),
        onAsyncError: (err) => s3.asyncErrors.push(err),
      }),
    },
  });
}

export const token = (projectId: string, scope: 'READ' | 'READ_WRITE', tokenId = `tok-${scope}`): AuthResult => ({
  mode: 'AWS_LAMBDA',
  identity: { resolverContext: { tokenId, projectId, scope } } as never,
});
