/**
 * `npm run bench -- peer`: the local AppSync runtime against the floor and its peer (README "Benchmarks",
 * "Against the floor and the peer"), side by side in one run on one DynamoDB Local.
 *
 * Four servers, each in its own process, all reading the same task item:
 *   (a) the floor: a bare Node HTTP server doing one SDK v3 GetItem per request (peer/floor.ts);
 *   (b) the peer: AWS's Amplify AppSync simulator, VTL GetItem resolver, API key (peer/simulator/);
 *   (c) the local runtime: APPSYNC_JS GetItem resolver, API key (peer/runtime-server.ts);
 *   (d) Taskwire's own `task(id)` as `npm start` serves it (HTTPS, Cognito), for a project MEMBER:
 *       the real pipeline, two reads (the task, the membership) (peer/taskwire-server.ts).
 * (a)–(c) speak plain HTTP and serve the same schema and answer. The load comes from autocannon in a
 * process of its own (closed loop, keep-alive, 20 connections). After a warm-up of each, rounds run in
 * rotation (A B C D, B C D A, …) so drift on the shared machine hits all alike; each round records
 * req/s, p50, p99 and the CPU of every process (a server's resolver workers count as that server's).
 * The figures that count are the ratios within one run; the JSON of the run goes to bench/results/.
 *
 * The simulator and autocannon live in bench/peer/simulator/, a package of their own (not a workspace)
 * installed on first run, so they never weigh on Taskwire's own install.
 *
 *   npm run bench -- peer            (options: npx tsx bench/peer.ts [--rounds 5] [--round-ms 5000] [--connections 20] [--only a,b,c,d]
 *                                     [--cpu-prof c,d]: V8 CPU profiles of those server processes and of their resolver workers,
 *                                     in bench/results/profiles/<id>/; summarise with bench/lib/profile-summary.ts)
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { freePort } from '../packages/appsync-local/src/services/ports.ts';
import { cpuOf } from './lib/kit.ts';
import { PEER_QUERY, PEER_SCHEMA, VTL_REQUEST, VTL_RESPONSE } from './peer/fixture.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const PEER_DIR = join(HERE, 'peer');
const SIM_DIR = join(PEER_DIR, 'simulator');
const RESULTS_DIR = join(HERE, 'results');
const TIME_LIMIT_MS = 420_000;
const TARGETS = { floor: 0.7, peer: 2.5, p99: 0.5, member: 0.45 };
/** Taskwire's own task(id), the fields the peer field serves. */
const TASKWIRE_QUERY = PEER_QUERY;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/** First run (or a changed lock): install the simulator's own package. */
function ensureSimulatorInstalled(): void {
  const marker = join(SIM_DIR, 'node_modules', '.package-lock.json');
  const lock = join(SIM_DIR, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('peer: installing the Amplify AppSync simulator and autocannon into bench/peer/simulator/ (first run)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: SIM_DIR, stdio: 'inherit' });
}

interface Started {
  name: string;
  child: ChildProcess;
  ready: Record<string, unknown> & { url: string; pid: number };
}

const children: ChildProcess[] = [];

/** Starts a server process and waits for its JSON ready line. */
function startServer(name: string, command: string, args: string[], env: Record<string, string>, cwd?: string): Promise<Started> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let done = false;
    lines.on('line', (line) => {
      if (done) return;
      if (line.startsWith('{"url"')) {
        done = true;
        resolve({ name, child, ready: JSON.parse(line) });
      }
    });
    child.once('exit', (code) => {
      if (!done) reject(new Error(`${name} exited (${code}) before it was ready: ${stderr}`));
    });
  });
}

/** Node with tsx's loader, as `npm run` scripts run TypeScript here. */
const TSX = ['--import', 'tsx'];

function findPid(needles: string[]): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (needles.every((n) => cmd.includes(n))) return Number(entry);
    } catch {
      /* gone */
    }
  }
  return null;
}

interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

interface Target {
  id: 'a' | 'b' | 'c' | 'd';
  label: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  expectBody: string;
  pid: number;
  workers?: RegExp;
}

interface Round {
  target: Target['id'];
  load: LoadResult;
  wallMs: number;
  cpuPct: { server: number; dynamodb: number; load: number };
}

function post(url: string, headers: Record<string, string>, body: string, ca?: string): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  if (u.protocol === 'https:') {
    return new Promise((resolve, reject) => {
      const req = httpsRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', ca, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  return fetch(url, { method: 'POST', headers, body }).then(async (r) => ({ status: r.status, text: await r.text() }));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: number[], digits = 2) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

export async function runPeerBench(): Promise<{ ok: boolean }> {
  const rounds = Number(arg('rounds', '5'));
  const roundMs = Number(arg('round-ms', '5000'));
  const warmupMs = Number(arg('warmup-ms', '3000'));
  const connections = Number(arg('connections', '20'));
  const only = arg('only', 'a,b,c,d').split(',');
  const profiled = arg('cpu-prof', '').split(',');
  const profileArgs = (id: string) => (profiled.includes(id) ? ['--cpu-prof', '--cpu-prof-dir', join(RESULTS_DIR, 'profiles', id)] : []);
  const deadline = setTimeout(() => {
    console.error(`peer benchmark: time limit of ${TIME_LIMIT_MS / 1000} s exceeded`);
    for (const c of children) c.kill('SIGKILL');
    process.exit(2);
  }, TIME_LIMIT_MS);
  deadline.unref();

  ensureSimulatorInstalled();
  const apiKey = `da2-${randomBytes(13).toString('hex')}`;
  let load: ChildProcess | undefined;
  try {
    console.log('peer: starting Taskwire (throwaway runtime: DynamoDB Local in memory, cognito-local, HTTPS) and creating a project, a MEMBER and a task…');
    const taskwire = await startServer('(d) Taskwire', process.execPath, [...profileArgs('d'), ...TSX, join(PEER_DIR, 'taskwire-server.ts')], {});
    const { ddb, table, taskId, memberToken, ca } = taskwire.ready as unknown as { ddb: string; table: string; taskId: string; memberToken: string; ca: string };
    const env = { PEER_DDB: ddb, PEER_TABLE: table, PEER_API_KEY: apiKey };
    const [simPort, simWsPort] = [await freePort(), await freePort()];
    console.log('peer: starting the floor, the simulator and the local runtime, each in its own process…');
    const [floor, simulator, runtime] = await Promise.all([
      startServer('(a) floor', process.execPath, [...profileArgs('a'), ...TSX, join(PEER_DIR, 'floor.ts')], env),
      startServer('(b) simulator', process.execPath, [join(SIM_DIR, 'server.cjs')], {
        ...env,
        PEER_PORT: String(simPort),
        PEER_WS_PORT: String(simWsPort),
        PEER_FIXTURE: JSON.stringify({ schema: PEER_SCHEMA, request: VTL_REQUEST, response: VTL_RESPONSE }),
      }, SIM_DIR),
      startServer('(c) local runtime', process.execPath, [...profileArgs('c'), ...TSX, join(PEER_DIR, 'runtime-server.ts')], env),
    ]);
    const ddbPid = findPid(['DynamoDBLocal', `-port ${new URL(ddb).port}`]);

    // Each server's answer, checked once: (a)–(c) must agree on the data, and (d) return the same task.
    const peerBody = JSON.stringify({ query: PEER_QUERY, variables: { id: taskId } });
    const apiHeaders = { 'content-type': 'application/json', 'x-api-key': apiKey };
    const all: Target[] = [
      { id: 'a', label: 'floor: bare Node HTTP + one SDK GetItem', url: floor.ready.url, headers: apiHeaders, body: peerBody, expectBody: '', pid: floor.ready.pid },
      { id: 'b', label: 'Amplify AppSync simulator (VTL, API key)', url: simulator.ready.url, headers: apiHeaders, body: peerBody, expectBody: '', pid: simulator.ready.pid },
      { id: 'c', label: 'local runtime (APPSYNC_JS, API key)', url: runtime.ready.url, headers: apiHeaders, body: peerBody, expectBody: '', pid: runtime.ready.pid, workers: /worker-entry/ },
      {
        id: 'd', label: 'Taskwire task(id), MEMBER (HTTPS, Cognito, 2 reads)', url: taskwire.ready.url,
        headers: { 'content-type': 'application/json', authorization: memberToken }, body: JSON.stringify({ query: TASKWIRE_QUERY, variables: { id: taskId } }),
        expectBody: '', pid: taskwire.ready.pid, workers: /worker-entry/,
      },
    ];
    let reference: unknown;
    for (const t of all) {
      const { status, text } = await post(t.url, t.headers, t.body, ca);
      const data = (JSON.parse(text) as { data?: { task?: unknown } }).data;
      if (status !== 200 || !data?.task) throw new Error(`${t.id}: unexpected answer (HTTP ${status}): ${text}`);
      if (reference === undefined) reference = data;
      else if (JSON.stringify(data) !== JSON.stringify(reference)) throw new Error(`${t.id} answers ${JSON.stringify(data)}, (a) answers ${JSON.stringify(reference)}`);
      t.expectBody = text;
      if (t.id !== 'd') {
        const refused = await post(t.url, { ...t.headers, 'x-api-key': 'da2-wrong' }, t.body);
        if (refused.status !== 401) throw new Error(`${t.id} accepted a wrong API key (HTTP ${refused.status}): ${refused.text}`);
      }
    }
    console.log(`peer: all four answer the same task; (a)–(c) refuse a wrong API key with 401.`);
    const targets = all.filter((t) => only.includes(t.id));

    load = fork(join(SIM_DIR, 'load.cjs'), [], { cwd: SIM_DIR, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(load);
    const loadProc = load;
    await new Promise<void>((resolve) => loadProc.once('message', () => resolve()));
    let jobId = 0;
    const runLoad = (t: Target, durationMs: number): Promise<LoadResult> =>
      new Promise((resolve, reject) => {
        const id = ++jobId;
        const onMessage = (m: { id: number; result?: LoadResult; error?: string }) => {
          if (m.id !== id) return;
          loadProc.off('message', onMessage);
          if (m.error || !m.result) reject(new Error(`load on ${t.id}: ${m.error}`));
          else resolve(m.result);
        };
        loadProc.on('message', onMessage);
        loadProc.send({ id, url: t.url, headers: t.headers, body: t.body, expectBody: t.expectBody, connections, durationMs });
      });
    const measure = async (t: Target, durationMs: number): Promise<Round> => {
      const before = { s: cpuOf(t.pid, t.workers).ms, d: ddbPid ? cpuOf(ddbPid).ms : NaN, l: cpuOf(loadProc.pid!).ms };
      const t0 = performance.now();
      const r = await runLoad(t, durationMs);
      const wallMs = performance.now() - t0;
      const pct = (after: number, b: number) => ((after - b) / wallMs) * 100;
      const cpuPct = { server: pct(cpuOf(t.pid, t.workers).ms, before.s), dynamodb: ddbPid ? pct(cpuOf(ddbPid).ms, before.d) : NaN, load: pct(cpuOf(loadProc.pid!).ms, before.l) };
      const bad = r.errors + r.timeouts + r.non2xx + r.mismatches;
      if (bad > 0) throw new Error(`${t.id}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx, ${r.mismatches} wrong answers under load`);
      return { target: t.id, load: r, wallMs, cpuPct };
    };

    console.log(`peer: warm-up ${warmupMs / 1000} s each, then ${rounds} rounds of ${roundMs / 1000} s each in rotation, ${connections} connections (autocannon, own process)…`);
    for (const t of targets) await measure(t, warmupMs);
    const results: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      const line: string[] = [];
      for (let k = 0; k < targets.length; k++) {
        const t = targets[(r + k) % targets.length]!;
        const round = await measure(t, roundMs);
        results.push(round);
        line.push(`${t.id} ${(round.load.requests / round.load.seconds).toFixed(0)}`);
      }
      console.log(`  round ${r + 1}: ${line.join('  ')} req/s`);
    }

    // Per target: req/s over all its rounds; p50/p99 and CPU% the median of its rounds (range shown).
    const of = (id: Target['id']) => results.filter((x) => x.target === id);
    const summary = Object.fromEntries(
      targets.map((t) => {
        const rs = of(t.id);
        const rps = rs.reduce((n, x) => n + x.load.requests, 0) / rs.reduce((n, x) => n + x.load.seconds, 0);
        return [t.id, {
          label: t.label, rps, rpsByRound: rs.map((x) => x.load.requests / x.load.seconds),
          p50: median(rs.map((x) => x.load.p50)), p99: median(rs.map((x) => x.load.p99)), p99ByRound: rs.map((x) => x.load.p99),
          cpuPct: median(rs.map((x) => x.cpuPct.server)), dynamodbCpuPct: median(rs.map((x) => x.cpuPct.dynamodb)), loadCpuPct: median(rs.map((x) => x.cpuPct.load)),
          cpuMsPerRequest: rs.reduce((n, x) => n + (x.cpuPct.server * x.wallMs) / 100, 0) / rs.reduce((n, x) => n + x.load.requests, 0),
        }];
      }),
    ) as Record<string, { label: string; rps: number; rpsByRound: number[]; p50: number; p99: number; p99ByRound: number[]; cpuPct: number; dynamodbCpuPct: number; loadCpuPct: number; cpuMsPerRequest: number }>;

    console.log(`\n  ${'server (own process)'.padEnd(56)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'CPU %'.padStart(6)} ${'CPU ms/req'.padStart(10)} ${'DDB CPU %'.padStart(9)} ${'load CPU %'.padStart(10)}`);
    for (const t of targets) {
      const s = summary[t.id]!;
      console.log(
        `  (${t.id}) ${s.label.padEnd(52)} ${s.rps.toFixed(0).padStart(7)} ${s.p50.toFixed(2).padStart(7)} ${s.p99.toFixed(2).padStart(7)} ${s.cpuPct.toFixed(0).padStart(6)} ${s.cpuMsPerRequest.toFixed(3).padStart(10)} ${s.dynamodbCpuPct.toFixed(0).padStart(9)} ${s.loadCpuPct.toFixed(0).padStart(10)}`,
      );
    }
    // Ratios: over all rounds, and the range of the round-by-round ratios (rounds r of each, side by side).
    const ratio = (x: string, y: string) => summary[x] && summary[y] ? summary[x]!.rps / summary[y]!.rps : NaN;
    const roundRatios = (x: string, y: string, what: 'rps' | 'p99' = 'rps') => {
      if (!summary[x] || !summary[y]) return [];
      const xs = what === 'rps' ? summary[x]!.rpsByRound : summary[x]!.p99ByRound;
      const ys = what === 'rps' ? summary[y]!.rpsByRound : summary[y]!.p99ByRound;
      return xs.map((v, i) => v / ys[i]!);
    };
    const checks = [
      { name: 'throughput (c)/(a): local runtime vs floor', value: ratio('c', 'a'), rounds: roundRatios('c', 'a'), target: TARGETS.floor, atLeast: true },
      { name: 'throughput (c)/(b): local runtime vs simulator', value: ratio('c', 'b'), rounds: roundRatios('c', 'b'), target: TARGETS.peer, atLeast: true },
      { name: 'p99 (c)/(b): local runtime vs simulator', value: summary.c && summary.b ? summary.c.p99 / summary.b.p99 : NaN, rounds: roundRatios('c', 'b', 'p99'), target: TARGETS.p99, atLeast: false },
      { name: 'throughput (d)/(a): Taskwire task(id) MEMBER vs floor', value: ratio('d', 'a'), rounds: roundRatios('d', 'a'), target: TARGETS.member, atLeast: true },
    ].filter((c) => Number.isFinite(c.value));
    console.log('');
    let ok = true;
    for (const c of checks) {
      const met = c.atLeast ? c.value >= c.target : c.value <= c.target;
      if (!met) ok = false;
      console.log(`  ${c.name.padEnd(56)} ${c.value.toFixed(2)}× (rounds ${range(c.rounds)})   target ${c.atLeast ? '≥' : '≤'} ${c.target}×: ${met ? 'met' : 'NOT met'}`);
    }
    if (summary.d && summary.b) console.log(`  (for reference) throughput (d)/(b): Taskwire task(id) MEMBER vs simulator: ${ratio('d', 'b').toFixed(2)}×`);

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `peer-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({
      machine: { nproc: (await import('node:os')).availableParallelism(), cpu: (await import('node:os')).cpus()[0]?.model, node: process.version },
      options: { rounds, roundMs, warmupMs, connections },
      summary, checks, rounds: results,
    }, null, 2));
    const verdict = checks.length === 0 ? 'no ratio measured (--only left out a server it needs)' : ok ? 'every target met' : 'a target was NOT met';
    console.log(`\npeer: ${verdict}; results in ${file}`);
    return { ok };
  } finally {
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    }
    await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))));
    clearTimeout(deadline);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runPeerBench();
  if (!r.ok) process.exitCode = 1;
}
