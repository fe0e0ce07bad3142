/**
 * Resolver code runs in worker processes, not in the runtime's process (docs/local-runtime.md): a vm
 * context shares the main heap, and native builtins (Array.prototype.fill, concat, join…) never return
 * to the sandbox's deadline check, so one handler could freeze or crash the whole runtime. Processes,
 * not worker threads: a worker thread's `resourceLimits` does not survive every out-of-memory path
 * (a failed large allocation aborts the whole process). Each worker has a heap limit
 * (`--max-old-space-size`); a call that outlives its time limit (plus a grace for the sandbox's
 * own check to answer first) has its worker terminated, as does a worker that runs out of memory. The
 * call then gets AppSync's error for code that ran out of time or memory, and a new worker takes the
 * old one's place. The main thread only ever waits asynchronously, so it keeps serving meanwhile.
 *
 * One round trip per handler call: the main thread prepares the call (ctx as JSON, run.ts), the worker
 * runs it and sends back plain data, the main thread builds the HandlerOutcome.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ContextInput, HandlerName, HandlerOutcome } from '../types.ts';
import type { CompiledCode } from './compile.ts';
import { BadRequestException, stoppedEvaluation, type EvaluateCodeInput, type EvaluateCodeResponse } from './evaluate.ts';
import { finishCall, prepareCall, stoppedCall, DEFAULT_TIMEOUT_MS, type HandlerRaw } from './run.ts';
import type { WorkerJob, WorkerReply, WorkerRequest } from './worker.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

export interface WorkerPoolOptions {
  /** Workers, all kept running (fill). Default 2: one hostile call cannot hold up the others. */
  size?: number;
  /** A handler call's (and an evaluation's) time limit. Default AppSync's 30 s. */
  timeoutMs?: number;
  /**
   * A worker's heap limit (V8 old generation). ⚠ AWS states no figure for APPSYNC_JS memory; 128 MB
   * holds every resolver compiled plus a 5 MB result handled several times over, with room to spare.
   */
  maxHeapMb?: number;
  /** How long past the time limit the worker may take before it is terminated. Default 1 s. */
  graceMs?: number;
}

interface Job {
  request: WorkerJob;
  timeoutMs: number;
  /** A handler's code, sent with its first call to each worker. */
  code?: string;
  resolve(value: unknown): void;
  reject(err: Error): void;
  /** The call's answer when its worker had to be stopped. */
  stopped(reason: 'timeout' | 'memory'): unknown;
}

interface Slot {
  worker: ChildProcess;
  ready: boolean;
  /** Resolves when the worker has started (or has gone). */
  started: Promise<void>;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Code keys this worker was sent (it compiles each once). */
  sent: Set<number>;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly keys = new WeakMap<CompiledCode, number>();
  private nextKey = 1;
  private nextId = 1;
  private closed = false;
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly graceMs: number;

  constructor(opts: WorkerPoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? 2);
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeapMb = opts.maxHeapMb ?? 128;
    this.graceMs = opts.graceMs ?? 1000;
  }

  /** runHandler (run.ts) with the sandbox in a worker. */
  async runHandler(compiled: CompiledCode, name: HandlerName, ctx: ContextInput): Promise<HandlerOutcome> {
    const call = prepareCall(compiled.fileName, name, ctx, { timeoutMs: this.timeoutMs });
    let key = this.keys.get(compiled);
    if (key === undefined) this.keys.set(compiled, (key = this.nextKey++));
    const codeKey = key;
    const raw = (await this.submit({
      request: { kind: 'run', key: codeKey, call },
      timeoutMs: call.timeoutMs,
      stopped: (reason) => stoppedCall(call, reason),
      code: compiled.code,
    })) as HandlerRaw;
    // JSON turned the status's missing members into nulls.
    for (let i = 0; i < raw.status.length; i++) if (raw.status[i] === null) raw.status[i] = undefined;
    return finishCall(raw, call, ctx);
  }

  /** evaluateCode (evaluate.ts) in a worker; rejects with BadRequestException for bad input. */
  async evaluateCode(input: EvaluateCodeInput): Promise<EvaluateCodeResponse> {
    return (await this.submit({
      request: { kind: 'evaluate', input, timeoutMs: this.timeoutMs },
      timeoutMs: this.timeoutMs,
      stopped: (reason) => stoppedEvaluation(input, reason, this.timeoutMs),
    })) as EvaluateCodeResponse;
  }

  /** Resolves once every worker is running (after a worker was stopped: once its replacement is). */
  async ready(): Promise<void> {
    this.fill();
    await Promise.all(this.slots.map((s) => s.started));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the APPSYNC_JS engine is closed'));
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot)));
  }

  private submit(job: Omit<Job, 'resolve' | 'reject'>): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the APPSYNC_JS engine is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ ...job, resolve, reject });
      this.fill();
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private start(slot: Slot, job: Job): void {
    const id = this.nextId++;
    let request: WorkerRequest = { ...job.request, id };
    if (request.kind === 'run') {
      if (slot.sent.has(request.key)) {
        request = { ...request, code: undefined };
      } else {
        request = { ...request, code: job.code };
        slot.sent.add(request.key);
      }
    }
    slot.job = job;
    // The sandbox stops plain JS loops itself at the limit; this catches what it cannot see.
    slot.timer = setTimeout(() => this.fail(slot, 'timeout'), job.timeoutMs + this.graceMs);
    slot.worker.send(request);
  }

  /**
   * Starts every worker (the app does at creation), and replaces one as soon as it is stopped: a
   * worker's start-up can take seconds while another one burns a core; requests must not wait for it.
   */
  fill(): void {
    if (this.closed) return;
    while (this.slots.length < this.size) this.spawn();
  }

  private spawn(): void {
    const worker = fork(fileURLToPath(ENTRY), [], {
      // No inherited loader flags: the entry registers tsx itself (under vitest there is none to inherit).
      execArgv: [`--max-old-space-size=${this.maxHeapMb}`, '--max-semi-space-size=8'],
      // JSON framing costs less than the structured clone here (small messages, mostly strings).
      serialization: 'json',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    // V8's fatal-error reports go to stderr: kept for the message when a worker cannot start.
    let stderrTail = '';
    worker.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4096);
    });
    worker.unref();
    worker.channel?.unref();
    let started!: () => void;
    const slot: Slot = { worker, ready: false, sent: new Set(), started: new Promise((resolve) => (started = resolve)) };
    worker.once('exit', () => started());
    this.slots.push(slot);
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        started();
      } else {
        const job = slot.job;
        clearTimeout(slot.timer);
        slot.job = undefined;
        if (job) {
          if ('value' in reply) job.resolve(reply.value);
          else if ('badRequest' in reply) job.reject(new BadRequestException(reply.badRequest));
          else job.reject(new Error(`APPSYNC_JS worker: ${reply.failure}`));
        }
      }
      this.dispatch();
    });
    worker.on('error', (err) => console.error('[appsync] APPSYNC_JS worker failed:', err));
    worker.on('exit', () => {
      // A worker dies mid-call only from what the code did: V8 aborts on an exhausted heap or an
      // oversized allocation ("Fatal JavaScript invalid size error"). Either is the memory limit.
      if (slot.ready && slot.job) return this.fail(slot, 'memory');
      const crash = new Error(`the APPSYNC_JS worker ${slot.ready ? 'stopped unexpectedly' : 'did not start'}: ${stderrTail.slice(-500)}`);
      // A worker that cannot start would be restarted forever: refuse what waits instead.
      if (!slot.ready) for (const job of this.queue.splice(0)) job.reject(crash);
      this.fail(slot, crash);
    });
  }

  /** Ends a slot's worker and answers its call as stopped; the next call starts a new worker. */
  private fail(slot: Slot, reason: 'timeout' | 'memory' | Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    void this.stop(slot);
    if (job) {
      if (reason instanceof Error) job.reject(reason);
      else job.resolve(job.stopped(reason));
    }
    if (!this.closed && slot.ready) {
      this.fill();
      this.dispatch();
    }
  }

  private async stop(slot: Slot): Promise<void> {
    clearTimeout(slot.timer);
    if (slot.worker.exitCode !== null || slot.worker.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => slot.worker.once('exit', () => resolve()));
    slot.worker.kill('SIGKILL');
    await exited;
  }
}
