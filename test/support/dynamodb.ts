/**
 * A fresh DynamoDB Local (in memory, random port) with Taskwire's table, for one test file.
 *
 *   const db = useDynamoDbTable();          // at the top level of a test file
 *   it('...', async () => { await db.client.send(...); db.tableName; db.endpoint; });
 *
 * It registers its own beforeAll/afterAll: the Java process starts once per file and is killed after.
 * The fields are set in beforeAll, so read them inside hooks and tests, never at import time.
 */
import { afterAll, beforeAll } from 'vitest';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_TABLE_NAME, TABLE_DEFINITION } from '../../model/table.ts';
import {
  createLocalDynamoDbClient,
  ensureTable,
  startDynamoDbLocal,
  type DynamoDbLocal,
} from '../../packages/appsync-local/src/services/dynamodb-local.ts';
import { START_TIMEOUT_MS } from './timeouts.ts';

export interface DynamoDbFixture {
  client: DynamoDBClient;
  tableName: string;
  endpoint: string;
}

export function useDynamoDbTable(tableName: string = LOCAL_TABLE_NAME): DynamoDbFixture {
  const fixture = { tableName } as DynamoDbFixture;
  let server: DynamoDbLocal | undefined;
  beforeAll(async () => {
    server = await startDynamoDbLocal({ dataDir: null });
    fixture.endpoint = server.endpoint;
    fixture.client = createLocalDynamoDbClient(server.endpoint);
    await ensureTable(fixture.client, tableName, TABLE_DEFINITION);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    fixture.client?.destroy();
    await server?.stop();
  });
  return fixture;
}
