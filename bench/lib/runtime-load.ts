/**
 * Closed-loop load for the runtime-overhead benchmark (bench/runtime.ts): `concurrency` workers each
 * keep exactly one request in flight for a fixed duration; every completed request's latency is kept.
 * Two workloads are compared side by side by interleaving their rounds (A B A B …) at the same
 * concurrency, so drift in the shared machine (2 cores, Java's JIT and GC) hits both alike.
 */

export interface Workload {
  name: string;
  /** One request; rejects (or throws) on a wrong answer, which ends the benchmark. */
  once(): Promise<void>;
}

export interface Sample {
  requests: number;
  elapsedMs: number;
  /** Latencies in ms, unsorted. */
  latencies: number[];
}

export interface Summary {
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

/** Runs `concurrency` workers for `durationMs`; the round ends when the last in-flight request ends. */
export async function runRound(workload: Workload, concurrency: number, durationMs: number): Promise<Sample> {
  const latencies: number[] = [];
  const start = performance.now();
  const until = start + durationMs;
  const worker = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      await workload.once();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { requests: latencies.length, elapsedMs: performance.now() - start, latencies };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function summarize(name: string, samples: Sample[]): Summary {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const requests = samples.reduce((n, s) => n + s.requests, 0);
  const seconds = samples.reduce((n, s) => n + s.elapsedMs, 0) / 1000;
  return { name, requests, seconds, rps: requests / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/**
 * A short warm-up of each workload, then `rounds` rounds of each, interleaved, with the order
 * alternating per round (A B, B A, A B …) so neither always runs right after the other.
 */
export async function compareInterleaved(
  a: Workload,
  b: Workload,
  opts: { concurrency: number; rounds: number; roundMs: number; warmupMs: number },
): Promise<[Summary, Summary]> {
  await runRound(a, opts.concurrency, opts.warmupMs);
  await runRound(b, opts.concurrency, opts.warmupMs);
  const sa: Sample[] = [];
  const sb: Sample[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    const order: [Workload, Sample[]][] = r % 2 === 0 ? [[a, sa], [b, sb]] : [[b, sb], [a, sa]];
    for (const [w, into] of order) into.push(await runRound(w, opts.concurrency, opts.roundMs));
  }
  return [summarize(a.name, sa), summarize(b.name, sb)];
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');
export const us = (v: number) => (Number.isFinite(v) ? `${(v * 1000).toFixed(0)} µs` : 'n/a');
