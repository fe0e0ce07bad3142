/**
 * Start-up and client size (README "Benchmarks": `npm start` ready in ≤ 15 s on a warm install; the client's
 * initial JavaScript ≤ 300 KB gzipped).
 *
 *   1. The client is built as `npm start` builds it when client/dist is missing (Vite, production; the
 *      type check of `npm run build -w client` changes nothing in the output) and the initial JS is
 *      measured with the rule of client/scripts/size.mjs: the .js files index.html loads, gzipped; the
 *      lazy chunks beside it. The build's own time is printed too (a first `npm start` pays it once).
 *   2. `npm start` runs as a child, exactly as a person types it, on free ports with a fresh data folder
 *      and its own outputs file: the time from spawn to its "ready" line (a first start: new local CA,
 *      new table, user pool and demo project). It is stopped with SIGTERM (its own shutdown path), then
 *      started again on the same folder (a restart: everything exists) and timed the same way.
 *
 *   npm run bench -- startup          (npx tsx bench/startup.ts [--startup-no-build]: measure the client/dist there is)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CLIENT_DIR, DIST_DIR } from '../client/server/web.ts';
import { freePort } from '../packages/appsync-local/src/services/ports.ts';
import { deadline, describeMachine, withOneRetry, writeResult, type PartResult } from './lib/kit.ts';

const TIME_LIMIT_MS = 720_000;
const START_TARGET_S = 15;
const CLIENT_BUDGET_KB = 300;
/** A start that takes longer than this is reported as failed (and stopped). */
const START_TIMEOUT_MS = 240_000;
const ROOT = join(CLIENT_DIR, '..');

interface ClientSize {
  built: boolean;
  buildSeconds: number | null;
  initialFiles: number;
  initialGzipBytes: number;
  lazyFiles: number;
  lazyGzipBytes: number;
}

function buildClient(build: boolean): ClientSize {
  let buildSeconds: number | null = null;
  if (build) {
    const t0 = performance.now();
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: CLIENT_DIR, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the client did not build: ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' ')}`);
    buildSeconds = (performance.now() - t0) / 1000;
  } else if (!existsSync(join(DIST_DIR, 'index.html'))) {
    throw new Error('no client/dist to measure (run without --startup-no-build)');
  }
  // The rule of client/scripts/size.mjs: what index.html loads is initial; every other .js is lazy.
  const html = readFileSync(join(DIST_DIR, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  const gz = (f: string) => gzipSync(readFileSync(join(DIST_DIR, f))).length;
  const all = readdirSync(join(DIST_DIR, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !initial.has(f));
  return {
    built: build,
    buildSeconds,
    initialFiles: initial.size,
    initialGzipBytes: [...initial].reduce((n, f) => n + gz(f), 0),
    lazyFiles: lazy.length,
    lazyGzipBytes: lazy.reduce((n, f) => n + gz(f), 0),
  };
}

interface StartTiming {
  /** From spawning `npm start` to its ready line. */
  seconds: number;
  /** The runtime's own figure in that line (from its main(), after npm and tsx start and the CA relaunch). */
  reportedSeconds: number;
}

/** Waits until no process of the group is left (signal 0 to the group: ESRCH once it is empty). */
async function groupGone(pgid: number, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  for (;;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
    if (performance.now() > until) return false;
    await new Promise((f) => setTimeout(f, 200));
  }
}

/** Spawns `npm start` in its own process group, waits for the ready line, stops it with SIGTERM. */
async function timeStart(env: Record<string, string>, label: string): Promise<StartTiming> {
  const t0 = performance.now();
  // An empty value removes the variable from the child's environment.
  const full: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const k of Object.keys(full)) if (full[k] === '') delete full[k];
  const child = spawn('npm', ['start'], { cwd: ROOT, env: full, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };
  createInterface({ input: child.stderr! }).on('line', keep);
  const exited = new Promise<void>((f) => child.once('exit', () => f()));
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  try {
    return await new Promise<StartTiming>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start (${label}) not ready after ${START_TIMEOUT_MS / 1000} s:\n${tail.join('\n')}`)), START_TIMEOUT_MS);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        keep(line);
        const m = /^Taskwire local runtime ready in ([\d.]+) s/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve({ seconds: (performance.now() - t0) / 1000, reportedSeconds: Number(m[1]) });
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start (${label}) exited with ${code} before it was ready:\n${tail.join('\n')}`));
      });
    });
  } finally {
    // Its own shutdown path first (stops DynamoDB Local and the rest); the whole group if it lingers.
    // npm exits at once; the runtime under it is still stopping and holds its ports until the whole
    // process group is gone, which the next start on the same ports needs.
    group('SIGTERM');
    await exited;
    if (!(await groupGone(child.pid!, 30_000))) {
      group('SIGKILL');
      await groupGone(child.pid!, 10_000);
    }
  }
}

export async function runStartupBench(): Promise<PartResult> {
  const stopDeadline = deadline('startup', TIME_LIMIT_MS);
  const build = !process.argv.includes('--startup-no-build');
  console.log(`startup: ${build ? 'building the client (vite build, as a first npm start does)' : 'measuring the client/dist there is'}…   [${describeMachine()}]`);
  const client = buildClient(build);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const clientMet = client.initialGzipBytes <= CLIENT_BUDGET_KB * 1024;
  console.log(
    `  client: initial JS ${kb(client.initialGzipBytes)} gzipped (${client.initialFiles} files), lazy chunks ${kb(client.lazyGzipBytes)} gzipped (${client.lazyFiles} files)` +
      `${client.buildSeconds !== null ? `; built in ${client.buildSeconds.toFixed(1)} s` : ''}   budget ≤ ${CLIENT_BUDGET_KB} KB: ${clientMet ? 'met' : 'NOT met'}`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'taskwire-bench-start-'));
  try {
    const ports: number[] = [];
    for (let i = 0; i < 9; i++) ports.push(await freePort());
    const names = ['PORT', 'COGNITO_PORT', 'DYNAMODB_PORT', 'S3_PORT', 'EVENTBRIDGE_PORT', 'SCHEDULER_PORT', 'SNS_PORT', 'SES_PORT', 'WEB_PORT'];
    const env: Record<string, string> = Object.fromEntries(names.map((n, i) => [n, String(ports[i])]));
    env.TASKWIRE_DATA_DIR = dataDir;
    env.TASKWIRE_OUTPUTS = join(dataDir, 'taskwire-outputs.json');
    // Unset: the child makes and trusts its own CA in the fresh folder, like a person's first start.
    env.TASKWIRE_CERT_DIR = '';
    env.NODE_EXTRA_CA_CERTS = '';
    console.log('startup: npm start with a fresh data folder (new CA, table, user pool, demo project)…');
    const fresh = () => {
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir);
      return timeStart(env, 'first start');
    };
    const first = await withOneRetry('the first start', fresh);
    console.log(`  ready after ${first.seconds.toFixed(1)} s (the runtime reports ${first.reportedSeconds.toFixed(1)} s from its main())`);
    console.log('startup: npm start again on the same folder (a restart)…');
    const again = await withOneRetry('the restart', () => timeStart(env, 'restart'));
    console.log(`  ready after ${again.seconds.toFixed(1)} s (the runtime reports ${again.reportedSeconds.toFixed(1)} s)`);
    const firstMet = first.seconds <= START_TARGET_S;
    const againMet = again.seconds <= START_TARGET_S;
    const file = writeResult('startup', { client, clientBudgetKb: CLIENT_BUDGET_KB, firstStart: first, restart: again, startTargetSeconds: START_TARGET_S });
    console.log(`  JSON: ${file}`);
    return {
      ok: clientMet && firstMet && againMet,
      rows: [
        { benchmark: 'npm start → ready, first start (fresh data folder, seed)', measured: `${first.seconds.toFixed(1)} s`, target: `≤ ${START_TARGET_S} s`, met: firstMet },
        { benchmark: 'npm start → ready, restart (same folder)', measured: `${again.seconds.toFixed(1)} s`, target: `≤ ${START_TARGET_S} s`, met: againMet },
        { benchmark: 'client initial JS, gzipped', measured: `${kb(client.initialGzipBytes)} (${client.initialFiles} files; lazy ${kb(client.lazyGzipBytes)})`, target: `≤ ${CLIENT_BUDGET_KB} KB`, met: clientMet },
      ],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    stopDeadline();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runStartupBench();
  if (!r.ok) process.exitCode = 1;
}
