/**
 * A fresh DynamoDB Local (in memory, random port) with one table, for one test file.
 *
 *   const db = useDynamoDbTable();          // at the top level of a test file (the test table below)
 *   it('...', async () => { await db.client.send(...); db.tableName; db.endpoint; });
 *
 * `db.intercept({ request, response })` sees every DynamoDB call made with `db.client`'s HTTP handler
 * (the SDK's commands and the DynamoDB data source alike, which sends through that handler): `request`
 * runs just before the call goes out and may rewrite its input in place (the rewritten JSON is sent),
 * `response` may rewrite DynamoDB's answer in place. It returns the function that removes it.
 *
 * It registers its own beforeAll/afterAll: the Java process starts once per file and is killed after.
 * The fields are set in beforeAll, so read them inside hooks and tests, never at import time. A host
 * project passes its own table definition.
 */
import { afterAll, beforeAll } from 'vitest';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  createLocalDynamoDbClient,
  ensureTable,
  startDynamoDbLocal,
  type DynamoDbLocal,
  type TableDefinition,
} from '../../src/services/dynamodb-local.ts';
import { START_TIMEOUT_MS } from './timeouts.ts';

/** The package's test table: string PK/SK, two indexes, a stream and TTL. */
export const TEST_TABLE_NAME = 'test-table';
export const TEST_TABLE: TableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: [
    { name: 'byOwner', pk: 'GSI1PK', sk: 'GSI1SK' },
    { name: 'byStatus', pk: 'GSI2PK', sk: 'GSI2SK' },
  ],
  stream: 'NEW_AND_OLD_IMAGES',
  ttlAttribute: 'expiresAt',
};

/** One DynamoDB call as it goes over the wire: the operation (`x-amz-target`) and its JSON input. */
export interface DynamoDbCall {
  operation: string;
  input: Record<string, any>;
}

export interface DynamoDbInterceptor {
  request?(call: DynamoDbCall): void | Promise<void>;
  response?(call: DynamoDbCall, output: Record<string, any>): void | Promise<void>;
}

export interface DynamoDbFixture {
  client: DynamoDBClient;
  tableName: string;
  endpoint: string;
  intercept(interceptor: DynamoDbInterceptor): () => void;
}

type Handle = (request: any, options?: any) => Promise<{ response: { statusCode: number; headers: Record<string, string>; body?: any } }>;

async function bodyText(body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Buffer | string>) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}

/** Puts the interceptors between the client's HTTP handler and DynamoDB Local (real requests, real answers). */
function interceptable(client: DynamoDBClient, interceptors: Set<DynamoDbInterceptor>): void {
  const handler = client.config.requestHandler as unknown as { handle: Handle };
  const send = handler.handle.bind(handler);
  handler.handle = async (request, options) => {
    if (interceptors.size === 0) return send(request, options);
    const target = Object.entries(request.headers as Record<string, string>).find(([k]) => k.toLowerCase() === 'x-amz-target')?.[1] ?? '';
    const call: DynamoDbCall = { operation: target.split('.').pop()!, input: JSON.parse(await bodyText(request.body)) };
    for (const i of interceptors) await i.request?.(call);
    request.body = JSON.stringify(call.input);
    for (const k of Object.keys(request.headers)) if (k.toLowerCase() === 'content-length') request.headers[k] = String(Buffer.byteLength(request.body));
    const out = await send(request, options);
    const text = await bodyText(out.response.body);
    let body = Buffer.from(text);
    if (out.response.statusCode === 200) {
      const output = JSON.parse(text) as Record<string, any>;
      for (const i of interceptors) await i.response?.(call, output);
      body = Buffer.from(JSON.stringify(output));
    }
    const headers = { ...out.response.headers };
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-length' || k.toLowerCase() === 'x-amz-crc32') delete headers[k];
    return { ...out, response: { ...out.response, headers, body } };
  };
}

export function useDynamoDbTable(tableName: string = TEST_TABLE_NAME, definition: TableDefinition = TEST_TABLE): DynamoDbFixture {
  const interceptors = new Set<DynamoDbInterceptor>();
  const fixture = {
    tableName,
    intercept(interceptor: DynamoDbInterceptor) {
      interceptors.add(interceptor);
      return () => void interceptors.delete(interceptor);
    },
  } as DynamoDbFixture;
  let server: DynamoDbLocal | undefined;
  beforeAll(async () => {
    server = await startDynamoDbLocal({ dataDir: null });
    fixture.endpoint = server.endpoint;
    fixture.client = createLocalDynamoDbClient(server.endpoint);
    interceptable(fixture.client, interceptors);
    await ensureTable(fixture.client, tableName, definition);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    fixture.client?.destroy();
    await server?.stop();
  });
  return fixture;
}
