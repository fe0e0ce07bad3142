/**
 * The stream poller against DynamoDB Local's real stream (@aws-sdk/client-dynamodb-streams):
 * Lambda-shaped batches, partial batch failures re-delivered from the first failed record, the
 * checkpoint kept across a restart, and DynamoDB Local's TTL deletions delivered as AWS's REMOVE.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS } from '../../../src/services/dynamodb-local.ts';
import { startStreamPoller, toLambdaRecord, type DynamoDBStreamRecord, type StreamPoller } from '../../../src/services/events/dynamodb-streams.ts';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { eventually } from '../../support/eventually.ts';

const db = useDynamoDbTable();
let dir: string;
const pollers: StreamPoller[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'streams-test-'));
});
afterAll(async () => {
  for (const p of pollers) await p.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Batch = { Records: DynamoDBStreamRecord[] };

async function poll(name: string, fn: (batch: Batch) => Promise<unknown>, batchSize = 10): Promise<StreamPoller> {
  const p = await startStreamPoller({
    endpoint: db.endpoint,
    region: 'eu-central-1',
    credentials: LOCAL_CREDENTIALS,
    tableName: db.tableName,
    checkpointDir: dir,
    consumers: [{ name, batchSize, maxRetries: 3, fn: (e) => fn(e as Batch) }],
    pollMs: 50,
    retryDelayMs: 20,
  });
  pollers.push(p);
  return p;
}

const put = (pk: string, more: Record<string, unknown> = {}) =>
  db.client.send(new PutItemCommand({ TableName: db.tableName, Item: { PK: { S: pk }, SK: { S: 'A' }, n: { N: '1' }, ...(more as object) } }));

describe('DynamoDB stream delivery', () => {
  it('delivers inserts, updates and deletes in order, in the DynamoDBStreamEvent shape', async () => {
    const seen: DynamoDBStreamRecord[] = [];
    await put('S#1', { bin: { B: Buffer.from('hi') } });
    await db.client.send(new UpdateItemCommand({ TableName: db.tableName, Key: { PK: { S: 'S#1' }, SK: { S: 'A' } }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '2' } } }));
    await db.client.send(new DeleteItemCommand({ TableName: db.tableName, Key: { PK: { S: 'S#1' }, SK: { S: 'A' } } }));
    await poll('shape', async (b) => void seen.push(...b.Records));
    await eventually(() => expect(seen).toHaveLength(3));
    expect(seen.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const [insert, modify, remove] = seen as [DynamoDBStreamRecord, DynamoDBStreamRecord, DynamoDBStreamRecord];
    expect(Object.keys(insert)).toEqual(['eventID', 'eventName', 'eventVersion', 'eventSource', 'awsRegion', 'dynamodb', 'eventSourceARN']);
    expect(insert).toMatchObject({ eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: 'eu-central-1' });
    expect(insert.eventSourceARN).toMatch(/^arn:aws:dynamodb:eu-central-1:\d+:table\/test-table\/stream\//);
    expect(insert.dynamodb).toMatchObject({
      Keys: { PK: { S: 'S#1' }, SK: { S: 'A' } },
      NewImage: { PK: { S: 'S#1' }, SK: { S: 'A' }, n: { N: '1' }, bin: { B: Buffer.from('hi').toString('base64') } },
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(insert.dynamodb.OldImage).toBeUndefined();
    expect(Number.isInteger(insert.dynamodb.ApproximateCreationDateTime)).toBe(true);
    expect(Math.abs(insert.dynamodb.ApproximateCreationDateTime! - Date.now() / 1000)).toBeLessThan(600);
    expect(typeof insert.dynamodb.SequenceNumber).toBe('string');
    expect(insert.dynamodb.SizeBytes).toBeGreaterThan(0);
    expect(modify.dynamodb).toMatchObject({ OldImage: { n: { N: '1' } }, NewImage: { n: { N: '2' } } });
    expect(remove.dynamodb.NewImage).toBeUndefined();
    expect(remove.dynamodb.OldImage).toMatchObject({ n: { N: '2' } });
    expect(remove.userIdentity).toBeUndefined();
  });

  it('re-delivers from the first failed record of a batch (batchItemFailures), not the records before it', async () => {
    const deliveries: string[][] = [];
    let failedOnce = false;
    // A new consumer reads the stream from its start: the three records above, then these.
    for (const pk of ['F#1', 'F#2', 'F#3']) await put(pk);
    await poll('partial', async (b) => {
      const pks = b.Records.map((r) => (r.dynamodb.Keys as { PK: { S: string } }).PK.S);
      deliveries.push(pks);
      const f2 = b.Records.find((r) => (r.dynamodb.Keys as { PK: { S: string } }).PK.S === 'F#2');
      if (f2 && !failedOnce) {
        failedOnce = true;
        return { batchItemFailures: [{ itemIdentifier: f2.dynamodb.SequenceNumber }] };
      }
      return { batchItemFailures: [] };
    }, 6);
    await eventually(() => expect(deliveries.flat().filter((pk) => pk === 'F#3')).toHaveLength(2));
    expect(deliveries[0]).toEqual(['S#1', 'S#1', 'S#1', 'F#1', 'F#2', 'F#3']);
    expect(deliveries[1]).toEqual(['F#2', 'F#3']);
  });

  it('resumes from its checkpoint after a restart', async () => {
    const first: string[] = [];
    const p = await poll('resume', async (b) => void first.push(...b.Records.map((r) => (r.dynamodb.Keys as { PK: { S: string } }).PK.S)));
    await put('R#1');
    await eventually(() => expect(first).toContain('R#1'));
    await p.stop();
    await put('R#2');
    const second: string[] = [];
    await poll('resume', async (b) => void second.push(...b.Records.map((r) => (r.dynamodb.Keys as { PK: { S: string } }).PK.S)));
    await eventually(() => expect(second).toContain('R#2'));
    expect(second).toEqual(['R#2']);
  });

  it("turns DynamoDB Local's TTL deletion (unknown event name, no identity) into AWS's REMOVE by the service", () => {
    const record = toLambdaRecord(
      {
        eventID: 'e1',
        eventName: 'TTL' as never,
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'ddblocal',
        dynamodb: { ApproximateCreationDateTime: new Date(1_700_000_000_500), Keys: { PK: { S: 'X' } }, OldImage: { PK: { S: 'X' } }, SequenceNumber: '1', SizeBytes: 5, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
      'us-east-1',
      'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026',
    );
    expect(record).toEqual({
      eventID: 'e1',
      eventName: 'REMOVE',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: { ApproximateCreationDateTime: 1_700_000_000, Keys: { PK: { S: 'X' } }, OldImage: { PK: { S: 'X' } }, SequenceNumber: '1', SizeBytes: 5, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
      eventSourceARN: 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026',
    });
  });
});
