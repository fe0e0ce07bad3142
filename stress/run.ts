/**
 * `npm run stress [-- --duration 90 --users 8 --hostile 10000 --seed 1 --no-faults]`
 *
 * One local stack (stress/stack.ts: the `npm start` assembly in a child process on free loopback ports,
 * introspection off and query limits set), then:
 *   1. load: N virtual users on the team workflow for the duration, with faults injected meanwhile
 *      (runtime SIGKILL + restart with a reminder due while down, DynamoDB Local SIGKILL + restart,
 *      Lambda failures: stream and notify retried, notify outage → dead-letter path);
 *   2. the invariants on the table (stress/invariants.ts), once the stream and the purges caught up;
 *   3. hostile input: ≥ 10,000 fast-check requests + malformed WebSocket frames (stress/hostile.ts);
 *   4. security checks (stress/security.ts).
 * Prints what it measured, writes it as JSON under stress/results/ (git-ignored), exits 1 on a violation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { killDynamoDb, killRuntime, lambdaFaults, type FaultOutcome } from './faults.ts';
import { prepareKnown, runHostile, type HostileReport } from './hostile.ts';
import { checkInvariants, type InvariantResult } from './invariants.ts';
import { demoProject, runLoad } from './load.ts';
import { runSecurityChecks, type SecurityCheck } from './security.ts';
import { startStack } from './stack.ts';
import { Target } from './target.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '90' },
    users: { type: 'string', default: '8' },
    hostile: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    'no-faults': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const durationS = Number(args.duration);
const users = Number(args.users);
const hostileCount = Number(args.hostile);
const seed = Number(args.seed);
for (const [n, v, max] of [['duration', durationS, 1800], ['users', users, 64], ['hostile', hostileCount, 100_000]] as const) {
  if (!Number.isInteger(v) || v < 1 || v > max) {
    console.error(`stress: --${n} must be an integer 1–${max}`);
    process.exit(2);
  }
}

const started = Date.now();
const say = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

const stack = await startStack(args.verbose ? (l) => console.log(`    ${l}`) : undefined);
const t = new Target(stack.info);
let exitCode = 0;
try {
  say(`stack ready on https://localhost:${stack.info.port}/graphql (data ${stack.dataDir})`);
  const demo = await demoProject(t);

  // 1. load, with the faults meanwhile
  const window = { open: false };
  const faults: FaultOutcome[] = [];
  say(`load: ${users} virtual users for ${durationS} s${args['no-faults'] ? '' : ', faults injected meanwhile'} (seed ${seed})`);
  const ledger = await runLoad(t, demo, {
    users,
    durationMs: durationS * 1000,
    seed,
    faultWindow: () => window.open,
    during: args['no-faults']
      ? undefined
      : async (ledger) => {
          await new Promise((r) => setTimeout(r, Math.min(10_000, (durationS * 1000) / 10)));
          say('fault: SIGKILL the runtime (a reminder due while it is down)');
          faults.push(...(await killRuntime(stack, t, demo.projectId, window, ledger.storeKills)));
          say('fault: SIGKILL DynamoDB Local');
          faults.push(await killDynamoDb(stack, t, window, ledger.storeKills));
          say('fault: Lambda failures (stream, notify), then a notify outage');
          faults.push(...(await lambdaFaults(stack, durationS * 1000)));
        },
  });
  say(`load done: ${ledger.requests} requests, ${ledger.acks.length} acknowledged writes`);

  // 2. invariants, once the stream and the purges have caught up (bounded)
  let invariants: InvariantResult[] = [];
  const until = Date.now() + 180_000;
  for (;;) {
    invariants = await checkInvariants(t, ledger);
    if (invariants.every((r) => r.violations.length === 0) || Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 3000));
  }
  say('invariants checked');

  // 3. hostile input
  const known = await prepareKnown(t, demo.projectId);
  const hostile: HostileReport = await runHostile(t, known, { count: hostileCount, seed, concurrency: 6, wsFrames: 500 });
  say(`hostile: ${hostile.sent} requests, ${hostile.wsFrames} frames`);

  // 4. security checks
  const security: SecurityCheck[] = await runSecurityChecks(t, known);
  say('security checks done');

  // ---- report
  const acksByOp: Record<string, number> = {};
  for (const a of ledger.acks) acksByOp[a.op] = (acksByOp[a.op] ?? 0) + 1;
  const unknown = [...ledger.unknown.values()].reduce((a, b) => a + b, 0);
  const line = (ok: boolean, name: string, detail: string) => console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
  console.log('\n== Load');
  console.log(`  ${users} users × ${durationS} s: ${ledger.requests} requests (${(ledger.requests / durationS).toFixed(1)}/s), ${ledger.reads} reads, ${ledger.writesTried} writes tried`);
  console.log(`  acknowledged writes: ${ledger.acks.length} (${Object.entries(acksByOp).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`  conflicts (ConflictError, expected): ${ledger.conflicts}; other refusals: ${JSON.stringify(ledger.refusals)}; outcome unknown (no answer during a fault): ${unknown}`);
  for (const [type, samples] of Object.entries(ledger.odd)) for (const line of samples) console.log(`    ${type}, ${line}`);
  console.log(`  HTTP statuses: ${JSON.stringify(ledger.status)}; bad answers outside fault windows: ${ledger.bad.length}`);
  for (const b of ledger.bad.slice(0, 5)) console.log(`    ${b}`);
  console.log('\n== Invariants');
  for (const r of invariants) {
    line(r.violations.length === 0, r.name, `${r.checked} checked${r.violations.length ? `, ${r.violations.length} violations` : ''}`);
    for (const v of r.violations.slice(0, 5)) console.log(`        ${v}`);
    for (const n of (r.notes ?? []).slice(0, 5)) console.log(`        note: ${n}`);
  }
  console.log('\n== Faults');
  if (args['no-faults']) console.log('  (skipped: --no-faults)');
  for (const f of faults) line(f.ok, f.name, f.detail);
  console.log('\n== Hostile input (fast-check)');
  line(hostile.problems.length === 0, `${hostile.sent} requests`, `by kind ${JSON.stringify(hostile.byKind)}`);
  console.log(`        HTTP statuses ${JSON.stringify(hostile.byStatus)}`);
  console.log(`        errorTypes ${JSON.stringify(hostile.errorTypes)}`);
  for (const p of hostile.problems.slice(0, 10)) console.log(`        ${p}`);
  line(hostile.wsProblems.length === 0, `${hostile.wsFrames} malformed WebSocket frames`, hostile.wsProblems.slice(0, 3).join('; '));
  line(hostile.servingAfter, 'runtime still serving afterwards', '');
  console.log('\n== Security checks');
  for (const c of security) line(c.ok, c.name, c.detail);

  const violations =
    invariants.reduce((n, r) => n + r.violations.length, 0) +
    ledger.bad.length +
    faults.filter((f) => !f.ok).length +
    hostile.problems.length +
    hostile.wsProblems.length +
    (hostile.servingAfter ? 0 : 1) +
    security.filter((c) => !c.ok).length;
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${violations === 0 ? 'PASS' : `FAIL: ${violations} violation(s)`} in ${seconds.toFixed(0)} s on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `stress-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ args: { durationS, users, hostileCount, seed, faults: !args['no-faults'] }, seconds, load: { ...ledger, acks: ledger.acks.length, acksByOp, unknown }, invariants, faults, hostile, security, violations }, null, 2));
  console.log(`written ${file}`);
  if (violations > 0) exitCode = 1;
} catch (e) {
  console.error(`stress: ${(e as Error).stack ?? String(e)}`);
  exitCode = 1;
} finally {
  t.close();
  await stack.stop();
}
process.exit(exitCode);
