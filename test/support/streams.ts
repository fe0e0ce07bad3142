/**
 * Reads a table's DynamoDB stream from DynamoDB Local with the real Streams client, from the start of
 * every shard up to the records written so far, and turns the records into the shape Lambda's event
 * source mapping delivers (ApproximateCreationDateTime in epoch seconds, eventSourceARN, awsRegion).
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { StreamRecord } from '../../functions/stream/records.ts';

export async function readWholeStream(db: DynamoDBClient, endpoint: string, tableName: string): Promise<StreamRecord[]> {
  const table = await db.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${tableName} has no stream`);
  const region = await db.config.region();
  const streams = new DynamoDBStreamsClient({ endpoint, region, credentials: await db.config.credentials() });
  try {
    const shards: { ShardId?: string }[] = [];
    let last: string | undefined;
    do {
      const d = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: last }));
      shards.push(...(d.StreamDescription?.Shards ?? []));
      last = d.StreamDescription?.LastEvaluatedShardId;
    } while (last);
    const out: StreamRecord[] = [];
    // Parent shards come before their children in DescribeStream's list (ordered by creation).
    for (const shard of shards) {
      let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      while (iterator) {
        const r = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        for (const rec of r.Records ?? []) {
          out.push({
            eventID: rec.eventID!,
            eventName: rec.eventName as StreamRecord['eventName'],
            eventSource: 'aws:dynamodb',
            eventSourceARN: streamArn,
            awsRegion: region,
            dynamodb: {
              Keys: rec.dynamodb?.Keys as never,
              NewImage: rec.dynamodb?.NewImage as never,
              OldImage: rec.dynamodb?.OldImage as never,
              SequenceNumber: rec.dynamodb!.SequenceNumber!,
              ApproximateCreationDateTime: rec.dynamodb?.ApproximateCreationDateTime ? Math.floor(rec.dynamodb.ApproximateCreationDateTime.getTime() / 1000) : undefined,
              StreamViewType: rec.dynamodb?.StreamViewType,
              SizeBytes: rec.dynamodb?.SizeBytes,
            },
          });
        }
        // An open shard answers no records (and a next iterator) once it is read to its end.
        if (!r.Records?.length) break;
        iterator = r.NextShardIterator;
      }
    }
    return out;
  } finally {
    streams.destroy();
  }
}
