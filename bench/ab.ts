/**
 * Two versions of Taskwire side by side: the peer benchmark's (d) server (a MEMBER's `task(id)` over
 * HTTPS, bench/peer/taskwire-server.ts) started from two checkouts, or from one with two environments,
 * and the load switched between them in short slices (A B, B A, …). On a machine whose speed drifts by
 * 10–20 % over minutes, runs made one after the other cannot show a 5 % change; slices of a few seconds,
 * alternated, see the same drift and can (A/A runs of 12 slices, the same code on both sides, landed between 0.96 and 1.01).
 *
 *   npx tsx bench/ab.ts --b ../other-checkout            (A: this checkout; B: another, with its own npm ci)
 *   npx tsx bench/ab.ts --b-env NAME=value[,NAME=value]  (A and B: this checkout; B with those variables)
 *   options: [--a <dir>] [--a-env …] [--slices 16] [--slice-ms 2000] [--connections 20]
 *
 * Prints, per side, req/s and the CPU per request of its process and of its resolver workers, and B/A.
 * autocannon comes from the peer benchmark's own package (bench/peer/simulator/, installed on first run).
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEER_QUERY } from './peer/fixture.ts';
import { cpuOf } from './lib/kit.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIM_DIR = join(HERE, 'peer', 'simulator');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const envOf = (spec: string): Record<string, string> =>
  Object.fromEntries(spec.split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));

interface Ready {
  url: string;
  pid: number;
  taskId: string;
  memberToken: string;
}
interface Side {
  name: 'A' | 'B';
  child: ChildProcess;
  ready: Ready;
  requests: number;
  wallMs: number;
  mainMs: number;
  workersMs: number;
}

async function start(name: 'A' | 'B', dir: string, env: Record<string, string>): Promise<Side> {
  const server = join(dir, 'bench', 'peer', 'taskwire-server.ts');
  if (!existsSync(server)) throw new Error(`ab: ${dir} has no bench/peer/taskwire-server.ts`);
  const child = spawn(process.execPath, ['--import', 'tsx', server], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<Ready>((ok, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('{"url"') && ok(JSON.parse(line) as Ready));
    child.once('exit', (code) => fail(new Error(`ab: server ${name} (${dir}) exited with ${code} before it was ready`)));
  });
  return { name, child, ready, requests: 0, wallMs: 0, mainMs: 0, workersMs: 0 };
}

if (!existsSync(join(SIM_DIR, 'node_modules', 'autocannon'))) {
  console.log('ab: installing autocannon into bench/peer/simulator/ (first run)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: SIM_DIR, stdio: 'inherit' });
}
const dirA = resolve(arg('a', join(HERE, '..')));
const dirB = resolve(arg('b', dirA));
const envA = envOf(arg('a-env', ''));
const envB = envOf(arg('b-env', ''));
const slices = Number(arg('slices', '16'));
const sliceMs = Number(arg('slice-ms', '2000'));
const connections = Number(arg('connections', '20'));

const sides: Side[] = [];
const load = fork(join(SIM_DIR, 'load.cjs'), [], { cwd: SIM_DIR, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
try {
  sides.push(await start('A', dirA, envA), await start('B', dirB, envB));
  await new Promise((ok) => load.once('message', ok));
  let jobId = 0;
  const run = (side: Side, durationMs: number) =>
    new Promise<{ requests: number; errors: number; non2xx: number; timeouts: number }>((ok, fail) => {
      const id = ++jobId;
      const onMessage = (m: { id: number; result?: { requests: number; errors: number; non2xx: number; timeouts: number }; error?: string }) => {
        if (m.id !== id) return;
        load.off('message', onMessage);
        if (m.result) ok(m.result);
        else fail(new Error(`ab: load on ${side.name}: ${m.error}`));
      };
      load.on('message', onMessage);
      load.send({
        id,
        url: side.ready.url,
        headers: { 'content-type': 'application/json', authorization: side.ready.memberToken },
        body: JSON.stringify({ query: PEER_QUERY, variables: { id: side.ready.taskId } }),
        connections,
        durationMs,
      });
    });
  for (const side of sides) await run(side, 3000);
  console.log(`ab: A = ${dirA} ${JSON.stringify(envA)}, B = ${dirB} ${JSON.stringify(envB)}; ${slices} slices of ${sliceMs} ms each, ${connections} connections`);
  for (let i = 0; i < slices; i++) {
    for (const side of i % 2 ? [sides[1]!, sides[0]!] : sides) {
      const cpu = () => {
        const main = cpuOf(side.ready.pid).ms;
        return { main, workers: cpuOf(side.ready.pid, /worker-entry/).ms - main };
      };
      const before = { ...cpu(), at: performance.now() };
      const r = await run(side, sliceMs);
      if (r.errors + r.non2xx + r.timeouts > 0) throw new Error(`ab: ${side.name} failed requests under load: ${JSON.stringify(r)}`);
      side.wallMs += performance.now() - before.at;
      side.requests += r.requests;
      const after = cpu();
      side.mainMs += after.main - before.main;
      side.workersMs += after.workers - before.workers;
    }
  }
  const rps = (s: Side) => (s.requests / s.wallMs) * 1000;
  for (const s of sides) {
    console.log(`  ${s.name}: ${rps(s).toFixed(0)} req/s; CPU per request: process ${(s.mainMs / s.requests).toFixed(3)} ms, workers ${(s.workersMs / s.requests).toFixed(3)} ms`);
  }
  console.log(`  B/A throughput: ${(rps(sides[1]!) / rps(sides[0]!)).toFixed(3)}`);
} finally {
  load.kill();
  await Promise.all(sides.map((s) => new Promise((ok) => (s.child.exitCode !== null ? ok(null) : (s.child.once('exit', ok), s.child.kill('SIGTERM'))))));
}
