/**
 * Lambda's DynamoDB event source mapping, locally: polls a table's stream in DynamoDB Local with the
 * real `@aws-sdk/client-dynamodb-streams` and delivers batches in the DynamoDBStreamEvent shape to
 * functions, each consumer from its own checkpoint kept in the data folder.
 *
 *   const streams = await startStreamPoller({ endpoint, region, credentials, tableName, checkpointDir,
 *     consumers: [{ name: 'stream', batchSize: 100, fn }] });
 *
 * - Records go in stream order, shard after shard (a child shard after its parent).
 * - `batchItemFailures` are honoured: the batch is delivered again from the first failed record; a
 *   thrown error (or an invalid item identifier) fails the whole batch. After `maxRetries` failed
 *   deliveries the records are skipped and reported, as Lambda does without an on-failure destination.
 * - The checkpoint (last record handled per shard) is written after each delivered batch, so a restart
 *   resumes there: a record is delivered at least once.
 * - DynamoDB Local reports a TTL deletion with an event name outside INSERT/MODIFY/REMOVE and no
 *   userIdentity; it is delivered as AWS does: `REMOVE` with the DynamoDB service identity.
 */
import { join } from 'node:path';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type AttributeValue,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readJsonFile, sleep, writeJsonFile, type TargetFunction } from './common.ts';

export interface StreamConsumer {
  /** Names the checkpoint file. */
  name: string;
  batchSize: number;
  maxBatchingWindowSeconds?: number;
  /** Failed deliveries of a batch before its records are skipped (default 3). */
  maxRetries?: number;
  fn: TargetFunction;
}

export interface StreamPollerOptions {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  tableName: string;
  /** Folder of the checkpoints (null: memory only, start from the stream's oldest record). */
  checkpointDir: string | null;
  consumers: StreamConsumer[];
  /** Real ms between polls of an idle shard (default 250). */
  pollMs?: number;
  /** Real ms before a failed batch is delivered again (default 500). */
  retryDelayMs?: number;
  onError?: (consumer: string, err: unknown) => void;
  /** Records skipped after their retries ran out. */
  onSkipped?: (consumer: string, records: DynamoDBStreamRecord[], err: unknown) => void;
}

/** One record as Lambda delivers it (aws-lambda's DynamoDBRecord). */
export interface DynamoDBStreamRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime?: number;
    Keys?: Record<string, unknown>;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
    SequenceNumber?: string;
    SizeBytes?: number;
    StreamViewType?: string;
  };
  userIdentity?: { type: string; principalId: string };
  eventSourceARN: string;
}

export interface StreamPoller {
  stop(): Promise<void>;
}

interface Checkpoint {
  streamArn: string | null;
  shards: Record<string, { after?: string; done?: boolean }>;
}

/** Lambda's JSON for attribute values: binary as base64 (the SDK hands Uint8Array). */
function attributeJson(v: AttributeValue): unknown {
  const a = v as unknown as Record<string, unknown>;
  if (a.B instanceof Uint8Array) return { B: Buffer.from(a.B).toString('base64') };
  if (Array.isArray(a.BS)) return { BS: (a.BS as Uint8Array[]).map((b) => Buffer.from(b).toString('base64')) };
  if (Array.isArray(a.L)) return { L: (a.L as AttributeValue[]).map(attributeJson) };
  if (a.M && typeof a.M === 'object') return { M: imageJson(a.M as Record<string, AttributeValue>) };
  const [k, val] = Object.entries(a).find(([, x]) => x !== undefined) ?? ['NULL', true];
  return { [k]: val };
}

function imageJson(image: Record<string, AttributeValue> | undefined): Record<string, unknown> | undefined {
  if (!image) return undefined;
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, attributeJson(v)]));
}

/** A record from GetRecords in the shape Lambda's event source mapping delivers. */
export function toLambdaRecord(r: StreamRecord, region: string, streamArn: string): DynamoDBStreamRecord {
  const d = r.dynamodb ?? {};
  const known = r.eventName === 'INSERT' || r.eventName === 'MODIFY' || r.eventName === 'REMOVE';
  // DynamoDB Local's TTL deletion: an unknown event name, no userIdentity, the old image only.
  const ttlDelete = !known || (r.eventName === 'REMOVE' && r.userIdentity?.Type === 'Service');
  const created = d.ApproximateCreationDateTime as Date | number | undefined;
  const record: DynamoDBStreamRecord = {
    eventID: r.eventID ?? '',
    eventName: known ? (r.eventName as DynamoDBStreamRecord['eventName']) : 'REMOVE',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ...(created !== undefined ? { ApproximateCreationDateTime: Math.floor((created instanceof Date ? created.getTime() : created * 1000) / 1000) } : {}),
      ...(d.Keys ? { Keys: imageJson(d.Keys) } : {}),
      ...(d.NewImage ? { NewImage: imageJson(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: imageJson(d.OldImage) } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
    ...(ttlDelete ? { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } } : {}),
    // DynamoDB Local names its region `ddblocal` in ARNs; Lambda shows the stream's real region.
    eventSourceARN: streamArn.replace(/^(arn:aws:dynamodb:)ddblocal:/, `$1${region}:`),
  };
  return record;
}

export async function startStreamPoller(opts: StreamPollerOptions): Promise<StreamPoller> {
  const clientConfig = { endpoint: opts.endpoint, region: opts.region, credentials: opts.credentials };
  const streams = new DynamoDBStreamsClient(clientConfig);
  const ddb = new DynamoDBClient(clientConfig);
  const pollMs = opts.pollMs ?? 250;
  const retryDelayMs = opts.retryDelayMs ?? 500;
  let stopped = false;

  async function latestStreamArn(): Promise<string | null> {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: opts.tableName }));
    return Table?.LatestStreamArn ?? null;
  }

  async function listShards(streamArn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  function runConsumer(c: StreamConsumer): Promise<void> {
    const file = opts.checkpointDir ? join(opts.checkpointDir, `${c.name}.json`) : null;
    let cp: Checkpoint = file ? readJsonFile<Checkpoint>(file, { streamArn: null, shards: {} }) : { streamArn: null, shards: {} };
    const save = () => file && writeJsonFile(file, cp);
    const maxRetries = c.maxRetries ?? 3;
    const windowMs = (c.maxBatchingWindowSeconds ?? 0) * 1000;

    async function consumeShard(streamArn: string, shardId: string): Promise<void> {
      const state = (cp.shards[shardId] ??= {});
      const iteratorFrom = async (after: string | undefined) =>
        (
          await streams.send(
            new GetShardIteratorCommand(
              after
                ? { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
                : { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' },
            ),
          )
        ).ShardIterator;
      let iterator: string | undefined;
      try {
        iterator = await iteratorFrom(state.after);
      } catch (err) {
        // The checkpoint's record is older than the stream keeps (24 hours): go on from the oldest
        // record left, as an event source mapping does after a long outage (the rest is lost on AWS too).
        if ((err as Error).name !== 'TrimmedDataAccessException') throw err;
        opts.onError?.(c.name, new Error(`records after ${state.after} in ${shardId} were trimmed; reading from the oldest one left`));
        iterator = await iteratorFrom(undefined);
      }
      let buffer: DynamoDBStreamRecord[] = [];
      let firstBufferedAt = 0;
      let failures = 0;
      while (!stopped) {
        if (iterator && buffer.length < c.batchSize) {
          const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
          iterator = out.NextShardIterator;
          const fresh = (out.Records ?? []).map((r) => toLambdaRecord(r, opts.region, streamArn));
          if (fresh.length && !buffer.length) firstBufferedAt = Date.now();
          buffer.push(...fresh);
        }
        if (!buffer.length) {
          if (!iterator) break; // a closed shard, all handled
          await sleep(pollMs);
          continue;
        }
        if (buffer.length < c.batchSize && iterator && Date.now() - firstBufferedAt < windowMs) {
          await sleep(Math.min(pollMs, windowMs));
          continue;
        }
        const batch = buffer.slice(0, c.batchSize);
        let failedAt = -1;
        let error: unknown;
        try {
          const res = (await c.fn({ Records: structuredClone(batch) })) as { batchItemFailures?: { itemIdentifier?: unknown }[] } | undefined;
          const items = res && Array.isArray(res.batchItemFailures) ? res.batchItemFailures : [];
          if (items.length) {
            const ids = items.map((i) => i?.itemIdentifier);
            const positions = ids.map((id) => (typeof id === 'string' && id ? batch.findIndex((r) => r.dynamodb.SequenceNumber === id) : -1));
            // Lambda: a null, empty or unknown identifier fails the whole batch.
            failedAt = positions.some((p) => p < 0) ? 0 : Math.min(...positions);
            error = new Error(`batchItemFailures: ${ids.join(', ')}`);
          }
        } catch (err) {
          failedAt = 0;
          error = err;
        }
        const handled = failedAt < 0 ? batch.length : failedAt;
        if (handled > 0) {
          state.after = batch[handled - 1]!.dynamodb.SequenceNumber;
          buffer = buffer.slice(handled);
          firstBufferedAt = Date.now();
          save();
        }
        if (failedAt < 0) {
          failures = 0;
          continue;
        }
        if (handled > 0) failures = 0;
        failures += 1;
        opts.onError?.(c.name, error);
        if (failures > maxRetries) {
          const skipped = batch.slice(handled);
          opts.onSkipped?.(c.name, skipped, error);
          state.after = skipped[skipped.length - 1]!.dynamodb.SequenceNumber;
          buffer = buffer.slice(skipped.length);
          failures = 0;
          save();
          continue;
        }
        await sleep(retryDelayMs);
      }
      if (!stopped && !iterator && !buffer.length) {
        state.done = true;
        save();
      }
    }

    return (async () => {
      while (!stopped) {
        try {
          const streamArn = await latestStreamArn();
          if (!streamArn) {
            await sleep(pollMs);
            continue;
          }
          // A new stream (the table was made again, or DynamoDB ran in memory) starts from its beginning.
          if (cp.streamArn !== streamArn) {
            cp = { streamArn, shards: {} };
            save();
          }
          const shards = await listShards(streamArn);
          const ids = new Set(shards.map((s) => s.ShardId));
          const next = shards.find((s) => !cp.shards[s.ShardId!]?.done && (!s.ParentShardId || !ids.has(s.ParentShardId) || cp.shards[s.ParentShardId]?.done));
          if (!next) {
            await sleep(pollMs);
            continue;
          }
          await consumeShard(streamArn, next.ShardId!);
        } catch (err) {
          if (stopped) break;
          opts.onError?.(c.name, err);
          await sleep(Math.max(pollMs, 1000));
        }
      }
    })();
  }

  const running = opts.consumers.map(runConsumer);
  return {
    async stop() {
      stopped = true;
      await Promise.allSettled(running);
      streams.destroy();
      ddb.destroy();
    },
  };
}
