/**
 * `npm run bench [-- fanout|runtime|peer ...]`: the benchmarks that exist so far (all by default). Each is
 * bounded in time, uses loopback only, and prints what it measured against TARGETS.md; the exit code
 * is non-zero when a measured figure misses its target.
 */
import { runFanout } from './fanout.ts';
import { runRuntimeBench } from './runtime.ts';
import { runPeerBench } from './peer.ts';

const BENCHMARKS: Record<string, () => Promise<{ ok: boolean }>> = {
  fanout: runFanout,
  runtime: runRuntimeBench,
  peer: runPeerBench,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !Object.hasOwn(BENCHMARKS, name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
const results: { name: string; ok: boolean }[] = [];
for (const name of asked.length > 0 ? asked : Object.keys(BENCHMARKS)) {
  results.push({ name, ok: (await BENCHMARKS[name]!()).ok });
}
console.log(`\nbenchmarks: ${results.map((r) => `${r.name} ${r.ok ? 'met its target' : 'MISSED its target'}`).join('; ')}`);
if (results.some((r) => !r.ok)) process.exitCode = 1;
