/**
 * How DynamoDB Local behaves when it is killed while writes are in flight (the reason for KILL_RACE_MS
 * in stress/invariants.ts). Eight writers send TransactWriteItems to a DynamoDB Local over a data folder
 * for 3 s; the process is then sent the signal; it is started again over the same folder and every
 * acknowledged write is looked for. Prints what was acknowledged, what is missing, and how long before
 * (negative: after) the signal each missing write was answered.
 *
 *   npx tsx stress/dynamodb-local-durability.ts [SIGKILL|SIGTERM] [--runs 5]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand, TransactWriteItemsCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { createLocalDynamoDbClient, ensureTable, startDynamoDbLocal } from '../packages/appsync-local/src/services/dynamodb-local.ts';
import { TABLE_DEFINITION } from '../scripts/lib/project.ts';

const signal = (process.argv.find((a) => a.startsWith('SIG')) ?? 'SIGKILL') as NodeJS.Signals;
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const TABLE = 'durability';

async function once(): Promise<{ acked: number; missing: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'ddb-durability-'));
  try {
    let ddb = await startDynamoDbLocal({ dataDir: dir });
    let client = createLocalDynamoDbClient(ddb.endpoint);
    await ensureTable(client, TABLE, TABLE_DEFINITION);
    const answeredAt = new Map<string, number>();
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const sk = `${w}-${String(i).padStart(6, '0')}`;
        const item = (pk: string): Record<string, AttributeValue> => ({ PK: { S: pk }, SK: { S: sk } });
        try {
          await client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: TABLE, Item: item('A') } }, { Put: { TableName: TABLE, Item: item('B') } }] }));
          answeredAt.set(sk, Date.now());
        } catch {
          return; // the process is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, 3000));
    const pid = Number(execFileSync('pgrep', ['-f', `DynamoDBLocal.*-port ${ddb.port}`]).toString().trim().split('\n')[0]);
    const signalledAt = Date.now();
    process.kill(pid, signal);
    stop = true;
    await Promise.allSettled(writers);
    client.destroy();
    await ddb.stop().catch(() => undefined);
    ddb = await startDynamoDbLocal({ dataDir: dir });
    client = createLocalDynamoDbClient(ddb.endpoint);
    const found = new Set<string>();
    let key: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'PK = :a', ExpressionAttributeValues: { ':a': { S: 'A' } }, ExclusiveStartKey: key, ConsistentRead: true }));
      for (const it of page.Items ?? []) found.add(it.SK!.S!);
      key = page.LastEvaluatedKey;
    } while (key);
    client.destroy();
    await ddb.stop();
    const missing = [...answeredAt].filter(([sk]) => !found.has(sk)).map(([sk, t]) => `${sk} answered ${signalledAt - t} ms before the signal`);
    return { acked: answeredAt.size, missing };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (let i = 1; i <= runs; i++) {
  const { acked, missing } = await once();
  console.log(`${signal} run ${i}: ${acked} writes acknowledged, ${missing.length} missing after the restart${missing.length ? `: ${missing.join('; ')}` : ''}`);
}
process.exit(0);
