/**
 * A fresh DynamoDB Local (in memory, random port) with Taskwire's table, for one test file (the local
 * AppSync package's fixture, given Taskwire's table definition).
 *
 *   const db = useDynamoDbTable();          // at the top level of a test file
 *   it('...', async () => { await db.client.send(...); db.tableName; db.endpoint; });
 *
 * It registers its own beforeAll/afterAll: the Java process starts once per file and is killed after.
 * The fields are set in beforeAll, so read them inside hooks and tests, never at import time.
 */
import { LOCAL_TABLE_NAME, TABLE_DEFINITION } from '../../model/table.ts';
import { useDynamoDbTable as useTable, type DynamoDbFixture } from '../../packages/appsync-local/test/support/dynamodb.ts';

export type { DynamoDbFixture };

export function useDynamoDbTable(tableName: string = LOCAL_TABLE_NAME): DynamoDbFixture {
  return useTable(tableName, TABLE_DEFINITION);
}
