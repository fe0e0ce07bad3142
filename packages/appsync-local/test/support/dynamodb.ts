/**
 * A fresh DynamoDB Local (in memory, random port) with one table, for one test file.
 *
 *   const db = useDynamoDbTable();          // at the top level of a test file (the test table below)
 *   it('...', async () => { await db.client.send(...); db.tableName; db.endpoint; });
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

export interface DynamoDbFixture {
  client: DynamoDBClient;
  tableName: string;
  endpoint: string;
}

export function useDynamoDbTable(tableName: string = TEST_TABLE_NAME, definition: TableDefinition = TEST_TABLE): DynamoDbFixture {
  const fixture = { tableName } as DynamoDbFixture;
  let server: DynamoDbLocal | undefined;
  beforeAll(async () => {
    server = await startDynamoDbLocal({ dataDir: null });
    fixture.endpoint = server.endpoint;
    fixture.client = createLocalDynamoDbClient(server.endpoint);
    await ensureTable(fixture.client, tableName, definition);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    fixture.client?.destroy();
    await server?.stop();
  });
  return fixture;
}
