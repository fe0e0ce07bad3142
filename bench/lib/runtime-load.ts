/**
 * Closed-loop load for the runtime-overhead benchmark (bench/runtime.ts): `concurrency` workers each
 * keep exactly one request in flight for a fixed duration; every completed request's latency is kept.
 * Two workloads are compared side by side by interleaving their rounds (A B A B …) at the same
 * concurrency, so drift in the shared machine (2 cores, Java's JIT and GC) hits both alike.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface Workload {
  name: string;
  /** One request; rejects (or throws) on a wrong answer, which ends the benchmark. */
  once(): Promise<void>;
}

export interface Sample {
  requests: number;
  elapsedMs: number;
  /** CPU time (ms) this process used during the round. */
  cpuMs: number;
  /** CPU time (ms) of the other processes watched (DynamoDB Local), when known. */
  otherCpuMs: number;
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
  /** CPU per request, ms: this process (client and server alike), and the watched processes. */
  cpuPerRequest: number;
  otherCpuPerRequest: number;
}

/** CPU time (ms) used so far by other processes of interest; NaN when unknown. */
export type CpuClock = () => number;

/**
 * CPU time of the processes whose command line contains every one of `needles` (Linux /proc; NaN
 * elsewhere). utime + stime, in clock ticks of 10 ms.
 */
export function processCpuClock(needles: string[]): CpuClock {
  const pids: number[] = [];
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
        if (needles.every((n) => cmd.includes(n))) pids.push(Number(entry));
      } catch {
        /* gone */
      }
    }
  } catch {
    return () => NaN;
  }
  if (pids.length === 0) return () => NaN;
  return () => {
    let ticks = 0;
    for (const pid of pids) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        return NaN;
      }
    }
    return ticks * 10;
  };
}

let otherClock: CpuClock = () => NaN;
/** Watch these processes' CPU time in every round from now on. */
export function watchOtherCpu(clock: CpuClock): void {
  otherClock = clock;
}

/** Runs `concurrency` workers for `durationMs`; the round ends when the last in-flight request ends. */
export async function runRound(workload: Workload, concurrency: number, durationMs: number): Promise<Sample> {
  const latencies: number[] = [];
  const cpu0 = process.cpuUsage();
  const other0 = otherClock();
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
  const elapsedMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { requests: latencies.length, elapsedMs, latencies, cpuMs: (cpu.user + cpu.system) / 1000, otherCpuMs: otherClock() - other0 };
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
  const cpu = samples.reduce((n, s) => n + s.cpuMs, 0);
  const other = samples.reduce((n, s) => n + s.otherCpuMs, 0);
  return {
    name, requests, seconds, rps: requests / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99),
    cpuPerRequest: cpu / requests, otherCpuPerRequest: other / requests,
  };
}

/**
 * A short warm-up of each workload, then `rounds` rounds of each, interleaved, the order rotating per
 * round (A B C, B C A, C A B …) so no workload always runs right after the same other one.
 */
export async function compareInterleaved(
  workloads: Workload[],
  opts: { concurrency: number; rounds: number; roundMs: number; warmupMs: number },
): Promise<Summary[]> {
  for (const w of workloads) await runRound(w, opts.concurrency, opts.warmupMs);
  const samples: Sample[][] = workloads.map(() => []);
  for (let r = 0; r < opts.rounds; r++) {
    for (let k = 0; k < workloads.length; k++) {
      const i = (r + k) % workloads.length;
      samples[i]!.push(await runRound(workloads[i]!, opts.concurrency, opts.roundMs));
    }
  }
  return workloads.map((w, i) => summarize(w.name, samples[i]!));
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');
export const us = (v: number) => (Number.isFinite(v) ? `${(v * 1000).toFixed(0)} µs` : 'n/a');
