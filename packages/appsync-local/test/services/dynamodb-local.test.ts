import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { TEST_TABLE as TABLE_DEFINITION } from '../support/dynamodb.ts';
import {
  createLocalDynamoDbClient,
  ensureTable,
  startDynamoDbLocal,
} from '../../src/services/dynamodb-local.ts';
import { freePort } from '../../src/services/ports.ts';
import { eventually } from '../support/eventually.ts';

describe('DynamoDB Local service', () => {
  it('creates the table from its definition, idempotently, and keeps data on disk across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'taskwire-ddb-'));
    let server = await startDynamoDbLocal({ dataDir });
    try {
      let client = createLocalDynamoDbClient(server.endpoint);
      await ensureTable(client, 'tw_tasks', TABLE_DEFINITION);
      await ensureTable(client, 'tw_tasks', TABLE_DEFINITION); // a second call is a no-op
      const { Table } = await client.send(new DescribeTableCommand({ TableName: 'tw_tasks' }));
      expect(Table?.KeySchema).toEqual([
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ]);
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
      expect(Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType]).sort()).toEqual(
        TABLE_DEFINITION.indexes.map((i) => [i.name, 'ALL']).sort(),
      );
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: 'tw_tasks' }));
      expect(ttl.TimeToLiveDescription?.AttributeName).toBe('expiresAt');
      await client.send(new PutItemCommand({ TableName: 'tw_tasks', Item: { PK: { S: 'a' }, SK: { S: 'b' } } }));
      client.destroy();
      await server.stop();

      server = await startDynamoDbLocal({ dataDir, port: server.port });
      client = createLocalDynamoDbClient(server.endpoint);
      const got = await client.send(new GetItemCommand({ TableName: 'tw_tasks', Key: { PK: { S: 'a' }, SK: { S: 'b' } } }));
      expect(got.Item).toEqual({ PK: { S: 'a' }, SK: { S: 'b' } });
      client.destroy();
      await server.stop();
      // stop() really ended Java: the port is free again.
      await expect(startDynamoDbLocal({ port: server.port }).then((s) => s.stop())).resolves.toBeUndefined();
    } finally {
      await server.stop(); // a no-op when already stopped
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Three Java starts on a shared 2-core machine: a generous bound, not a speed assertion.
  }, 180_000);

  it('fails with a one-line message when the port is taken', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(port, () => r()));
    try {
      await expect(startDynamoDbLocal({ port })).rejects.toThrow(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('fails with a clear message when java is missing', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startDynamoDbLocal({})).rejects.toThrow('`java` was not found on PATH');
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('Java does not outlive a Node process that is killed without stop()', async () => {
    const script = fileURLToPath(new URL('./fixtures/start-and-hang.ts', import.meta.url));
    const node = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const javaPid = Number(
      await new Promise<string>((resolve) => node.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()))),
    );
    expect(javaPid).toBeGreaterThan(0);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive(javaPid)).toBe(true);
    node.kill('SIGKILL');
    // The reaper kills Java as soon as the pipe closes; a busy machine may take a while to run it.
    await eventually(() => expect(alive(javaPid)).toBe(false), { timeoutMs: 30_000 });
  }, 120_000);
});
