/**
 * `npm run bench [-- fanout|runtime|peer|scale|report|startup ...] [options]`: every benchmark by
 * default, or the ones named. Each is bounded in time, uses loopback only, prints what it measured
 * against its target (README "Benchmarks") and writes its figures as JSON under bench/results/ (git-ignored); at the end one
 * table sums them up (also written there as run-<time>.json, with the machine: nproc, CPU, load).
 * The exit code is non-zero when a measured figure misses its target or a benchmark fails.
 * Options are each benchmark's own (see the top of each file), e.g. `-- scale --scale-items 20000`.
 */
import { runFanout } from './fanout.ts';
import { runRuntimeBench } from './runtime.ts';
import { runPeerBench } from './peer.ts';
import { runScaleBench } from './scale.ts';
import { runReportBench } from './report.ts';
import { runStartupBench } from './startup.ts';
import { describeMachine, writeResult, type PartResult, type Row } from './lib/kit.ts';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

const BENCHMARKS: Record<string, () => Promise<PartResult>> = {
  async fanout() {
    const r = await runFanout();
    return { ok: r.ok, rows: [{ benchmark: 'fan-out: 1 mutation → 1,000 subscriptions (50 connections), p99 from the response', measured: `${r.p99.toFixed(1)} ms (p50 ${r.p50.toFixed(1)} ms)`, target: '≤ 250 ms', met: r.ok }] };
  },
  async runtime() {
    const r = await runRuntimeBench();
    return {
      ok: r.ok,
      rows: r.byConcurrency.map((c) => ({
        benchmark: `runtime overhead: task(id) through the local AppSync / direct GetItem, ${c.concurrency} in flight`,
        measured: pct(c.ratio),
        target: '≥ 70 %',
        met: c.ratio >= 0.7,
      })),
    };
  },
  async peer() {
    const r = await runPeerBench();
    return { ok: r.ok, rows: [{ benchmark: 'against the floor and the peer (servers (a)–(d), see its table above)', measured: 'see above', target: 'the ratios in the peer table', met: r.ok }] };
  },
  scale: runScaleBench,
  report: runReportBench,
  startup: runStartupBench,
};

/** Flags that take no value; every other `--option` takes the argument after it. */
const BOOLEAN_FLAGS = new Set(['--startup-no-build']);
const args = process.argv.slice(2);
const asked: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a.startsWith('--')) {
    if (!BOOLEAN_FLAGS.has(a) && !a.includes('=')) i++;
    continue;
  }
  asked.push(a);
}
const unknown = asked.filter((name) => !Object.hasOwn(BENCHMARKS, name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const machineAtStart = describeMachine();
const results: { name: string; ok: boolean; rows: Row[]; seconds: number; error?: string }[] = [];
for (const name of asked.length > 0 ? asked : Object.keys(BENCHMARKS)) {
  const t0 = performance.now();
  console.log(`\n=== ${name} ===`);
  try {
    const r = await BENCHMARKS[name]!();
    results.push({ name, ok: r.ok, rows: r.rows, seconds: (performance.now() - t0) / 1000 });
  } catch (err) {
    const message = (err as Error).message.split('\n')[0]!;
    console.error(`${name}: failed: ${(err as Error).stack ?? message}`);
    results.push({ name, ok: false, rows: [{ benchmark: name, measured: `FAILED: ${message}`, target: '', met: false }], seconds: (performance.now() - t0) / 1000, error: message });
  }
}
const totalSeconds = (performance.now() - started) / 1000;

const rows = results.flatMap((r) => r.rows);
const widths = [
  Math.max(9, ...rows.map((r) => r.benchmark.length)),
  Math.max(8, ...rows.map((r) => r.measured.length)),
  Math.max(6, ...rows.map((r) => r.target.length)),
];
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(`\nbenchmarks (${results.map((r) => `${r.name} ${r.seconds.toFixed(0)} s`).join(', ')}; ${totalSeconds.toFixed(0)} s in all)`);
console.log(`machine at start: ${machineAtStart}; at the end: ${describeMachine()}`);
console.log(line(['benchmark', 'measured', 'target']) + ' met');
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|----`);
for (const r of rows) console.log(`${line([r.benchmark, r.measured, r.target])} ${r.met === null ? '' : r.met ? 'yes' : 'NO'}`);
const file = writeResult('run', { machineAtStart, totalSeconds, results });
console.log(`JSON: ${file}`);
console.log(`benchmarks: ${results.map((r) => `${r.name} ${r.ok ? 'met its target' : 'MISSED its target'}`).join('; ')}`);
if (results.some((r) => !r.ok)) process.exitCode = 1;
