/**
 * Shared parts of the scale, report and start-up benchmarks (bench/scale.ts, bench/report.ts,
 * bench/startup.ts): a GraphQL client over the runtime's TLS listener, p50 measured with the workloads
 * interleaved, a fast parallel BatchWriteItem loader, ULIDs, the machine's description and the JSON
 * results under bench/results/ (git-ignored); the CPU time of processes (bench/peer.ts, bench/ab.ts,
 * bench/crossing.ts).
 */
import { Agent, request } from 'node:https';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

/**
 * CPU time (user + system, and system alone; ms) of a process and of its children whose command line
 * matches `withChildren`, from Linux /proc (clock ticks of 10 ms). NaN when the process is gone.
 */
export function cpuOf(pid: number, withChildren?: RegExp): { ms: number; systemMs: number } {
  const read = (p: number) => {
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return { ppid: Number(f[1]), user: Number(f[11]), system: Number(f[12]) };
    } catch {
      return null;
    }
  };
  const own = read(pid);
  let user = own?.user ?? NaN;
  let system = own?.system ?? NaN;
  if (withChildren) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const s = read(Number(entry));
      if (!s || s.ppid !== pid) continue;
      try {
        if (!withChildren.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) continue;
      } catch {
        continue; // gone
      }
      user += s.user;
      system += s.system;
    }
  }
  return { ms: (user + system) * 10, systemMs: system * 10 };
}

/** One row of the summary table `npm run bench` prints at the end. */
export interface Row {
  benchmark: string;
  measured: string;
  target: string;
  /** null: informational (no target). */
  met: boolean | null;
}

export interface PartResult {
  ok: boolean;
  rows: Row[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export const fmtMs = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
export const fmtRatio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');

/** nproc, CPU model, load average and versions: printed with every figure and kept in the JSON. */
export function machine(): Record<string, unknown> {
  const cpu = cpus();
  return {
    nproc: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function describeMachine(): string {
  const m = machine();
  return `${m.nproc} cores (${m.cpuModel}), load average ${(m.loadAverage as number[]).join(' / ')}, Node ${m.node}`;
}

/** Writes one benchmark's figures as JSON under bench/results/ and returns the file's path. */
export function writeResult(name: string, data: Record<string, unknown>): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(RESULTS_DIR, `${name}-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), machine: machine(), ...data }, null, 2)}\n`);
  return file;
}

/** A run-wide deadline: past it the process exits with a clear line (every benchmark is bounded). */
export function deadline(name: string, ms: number): () => void {
  const timer = setTimeout(() => {
    console.error(`${name} benchmark: time limit of ${ms / 1000} s exceeded`);
    process.exit(2);
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

// ---- GraphQL over the runtime's TLS listener ---------------------------------------------------------

export interface GraphqlClient {
  /** One request; rejects on an HTTP error or any GraphQL error (a wrong answer ends the benchmark). */
  call(token: string, query: string, variables?: Record<string, unknown>): Promise<any>;
  close(): void;
}

export function graphqlClient(url: string, caCertPem: string): GraphqlClient {
  const agent = new Agent({ ca: caCertPem, keepAlive: true, maxSockets: 16 });
  const target = new URL(url);
  return {
    call(token, query, variables = {}) {
      const body = JSON.stringify({ query, variables });
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', authorization: token, 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => {
              let json: { data?: any; errors?: unknown[] };
              try {
                json = JSON.parse(text);
              } catch {
                reject(new Error(`${query.slice(0, 40)}…: HTTP ${res.statusCode} ${text.slice(0, 300)}`));
                return;
              }
              if (res.statusCode !== 200 || json.errors?.length) reject(new Error(`${query.slice(0, 40)}…: HTTP ${res.statusCode} ${text.slice(0, 600)}`));
              else resolve(json.data);
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** The `sub` of a Cognito token (the user id Taskwire keys people by). */
export function subOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub?: string };
  if (!payload.sub) throw new Error('token has no sub');
  return payload.sub;
}

// ---- latency, interleaved ----------------------------------------------------------------------------

export interface Probe {
  name: string;
  /** One request; its answer is checked by the probe itself (throws when wrong). */
  once(): Promise<void>;
}

export interface Latency {
  name: string;
  samples: number;
  p50: number;
  p90: number;
  mean: number;
}

/**
 * Sequential requests (one in flight: latency, not throughput), the probes interleaved: after
 * `warmup` requests of each, `rounds` rounds in which every probe makes `perRound` requests, the order
 * rotating per round (A B C, B C A, …) so drift on the shared machine hits every probe alike.
 */
export async function measureInterleaved(probes: Probe[], opts: { warmup: number; rounds: number; perRound: number }): Promise<Latency[]> {
  for (const p of probes) for (let i = 0; i < opts.warmup; i++) await p.once();
  const times: number[][] = probes.map(() => []);
  for (let r = 0; r < opts.rounds; r++) {
    for (let k = 0; k < probes.length; k++) {
      const i = (r + k) % probes.length;
      for (let n = 0; n < opts.perRound; n++) {
        const t0 = performance.now();
        await probes[i]!.once();
        times[i]!.push(performance.now() - t0);
      }
    }
  }
  return probes.map((p, i) => {
    const sorted = times[i]!.sort((a, b) => a - b);
    return { name: p.name, samples: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), mean: sorted.reduce((s, v) => s + v, 0) / sorted.length };
  });
}

// ---- loading items -------------------------------------------------------------------------------------

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID (what `util.autoUlid()` makes): 48-bit time, 80 random bits, Crockford base 32. */
export function ulid(at: number = Date.now()): string {
  let time = '';
  let t = at;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[bytes[i]! % 32];
  return time + rand;
}

/**
 * Writes items with BatchWriteItem (25 a request), `parallel` requests in flight, retrying what DynamoDB
 * reports unprocessed. `onProgress` gets the count written so far.
 */
export async function batchWriteAll(
  client: DynamoDBClient,
  tableName: string,
  items: Iterable<Record<string, unknown>>,
  opts: { parallel?: number; onProgress?: (written: number) => void } = {},
): Promise<number> {
  const iterator = items[Symbol.iterator]();
  let written = 0;
  let lastReport = 0;
  const nextChunk = (): WriteRequest[] => {
    const chunk: WriteRequest[] = [];
    while (chunk.length < 25) {
      const n = iterator.next();
      if (n.done) break;
      chunk.push({ PutRequest: { Item: marshall(n.value, { removeUndefinedValues: true }) } });
    }
    return chunk;
  };
  const worker = async () => {
    for (let chunk = nextChunk(); chunk.length > 0; chunk = nextChunk()) {
      let pending: WriteRequest[] = chunk;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 20) throw new Error('BatchWriteItem: items still unprocessed after 20 attempts');
        const r = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
        pending = r.UnprocessedItems?.[tableName] ?? [];
      }
      written += chunk.length;
      if (opts.onProgress && written - lastReport >= 10_000) {
        lastReport = written;
        opts.onProgress(written);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.parallel ?? 8 }, worker));
  return written;
}

/**
 * Starts something (a runtime, `npm start`) once more when the first attempt fails: on the shared
 * 2-core machine DynamoDB Local's JVM can miss the runtime's 30 s start-up limit under a heavy load.
 * The failure is printed, never hidden; a second failure ends the benchmark.
 */
export async function withOneRetry<T>(label: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (err) {
    console.log(`  ${label} failed (${(err as Error).message.split('\n').filter(Boolean).at(-1)}); trying once more…`);
    return start();
  }
}
