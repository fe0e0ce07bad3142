/**
 * The manifest's schedules run in the local runtime (functions/manifest.ts `schedules`): the workers'
 * `resumePurges` finishes a purge whose tombstone outlived its upload URLs, with nobody calling it.
 * A scheduled minute lasts 40 ms here, so the five-minute schedule ticks every 200 ms.
 */
import { describe, expect, it } from 'vitest';
import { GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { PURGE_ENTITY, commentKey, taskPk, taskPurgeIndexKeys, taskPurgeKey } from '../../../model/keys.ts';
import { LOCAL_TABLE_NAME } from '../../../model/table.ts';
import { createLocalDynamoDbClient } from '../../../packages/appsync-local/src/services/dynamodb-local.ts';
import { eventually } from '../../support/eventually.ts';
import { useLocalRuntime } from '../../support/runtime.ts';

const rt = useLocalRuntime({ scheduleMsPerMinute: 40 });

describe('scheduled background work', () => {
  it('finishes a pending purge whose upload URLs have expired, without anyone invoking the worker', async () => {
    const db = createLocalDynamoDbClient(rt.runtime.urls.dynamodb);
    const taskId = 'T0SCHEDULEDPURGE0000000000';
    const deletedAt = new Date(Date.now() - 60 * 60_000).toISOString(); // an hour ago: past every upload URL
    await db.send(new PutItemCommand({
      TableName: LOCAL_TABLE_NAME,
      Item: marshall({ ...taskPurgeKey(taskId), ...taskPurgeIndexKeys(taskId, deletedAt), entity: PURGE_ENTITY, taskId, projectId: 'P-SCHEDULE', deletedAt }),
    }));
    await db.send(new PutItemCommand({
      TableName: LOCAL_TABLE_NAME,
      Item: marshall({ ...commentKey(taskId, 'C1'), entity: 'Comment', id: 'C1', taskId, projectId: 'P-SCHEDULE', body: 'left behind' }),
    }));

    await eventually(async () => {
      const left = await db.send(new QueryCommand({
        TableName: LOCAL_TABLE_NAME,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': { S: taskPk(taskId) } },
        ConsistentRead: true,
      }));
      expect(left.Items).toEqual([]);
    }, { timeoutMs: 30_000 });
    const tombstone = await db.send(new GetItemCommand({ TableName: LOCAL_TABLE_NAME, Key: marshall(taskPurgeKey(taskId)), ConsistentRead: true }));
    expect(tombstone.Item).toBeUndefined();
    db.destroy();
  }, 60_000);
});
