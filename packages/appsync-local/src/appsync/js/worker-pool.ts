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
 * runs it and sends back plain data, the main thread builds the HandlerOutcome. Handlers that follow one
 * another with no data source between them (a pipeline's request and its first function's request…)
 * share one round trip (runChain); each still has its own time limit. A chain crosses packed: what its
 * calls share (the run's identity, headers, selection…) is sent once per message (chain-wire.ts).
 *
 * Pipelined: a worker may hold up to PIPELINE_DEPTH calls (it runs them one at a time, in order), and
 * the calls dispatched in one turn of the event loop go to a worker in one message, so that under load
 * a worker never waits for the main thread between calls and each message carries several calls. The
 * time limit runs for the call at the head of a worker's line only (the one it is running). A call
 * that runs longer than STALL_MS keeps the worker: the calls queued behind it are taken back (the
 * worker is told to drop them) and go to another worker, so one slow or hostile call holds up no other.
 * Should the worker have started one of them before it read that, its answer is ignored: a handler
 * call is a pure function of what it is sent, so running it twice changes nothing but the CPU spent.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ContextInput, HandlerName, HandlerOutcome } from '../types.ts';
import type { CompiledCode } from './compile.ts';
import { BadRequestException, stoppedEvaluation, type EvaluateCodeInput, type EvaluateCodeResponse } from './evaluate.ts';
import {
  finishCall,
  prepareCall,
  prepareChainedCalls,
  stoppedCall,
  DEFAULT_TIMEOUT_MS,
  type HandlerCall,
  type HandlerRaw,
} from './run.ts';
import { packChain } from './chain-wire.ts';
import type { ChainTransitions, WorkerJob, WorkerMessage, WorkerReply, WorkerRequest } from './worker.ts';

/** A handler to run after the one before it in a chain (see ChainedCall in run.ts). */
export interface ChainedHandler {
  compiled: CompiledCode;
  name: HandlerName;
  withResult: boolean;
}

/**
 * The outcomes of the handlers of a chain that ran, in order, with each one's place in the chain (0: the
 * first, i: next[i - 1]); `failure`: the engine failed on the one after them.
 */
export type ChainOutcomes = HandlerOutcome[] & { steps: number[]; failure?: Error };

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** Calls a worker may hold at once (the one it runs and those queued behind it). */
const PIPELINE_DEPTH = 4;
/** A call running longer than this gives the calls queued behind it back (to another worker). */
const STALL_MS = 50;

/**
 * A runtime started with `--cpu-prof` (and its `--cpu-prof-*` options) profiles its workers too: they
 * write their profiles where it writes its own.
 */
function profilingArgs(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--cpu-prof')) continue;
    out.push(a);
    if (!a.includes('=') && a !== '--cpu-prof' && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) out.push(argv[++i]!);
  }
  return out;
}

const PROFILING = profilingArgs().length > 0;

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
  /** Handlers' code by key, each sent with its first call to each worker. */
  codes?: Map<number, string>;
  /** A chain's call that ran before the next one (`next`) started (the call's time limit restarts). */
  partial?(raw: HandlerRaw, next: number): void;
  resolve(value: unknown): void;
  reject(err: Error): void;
  /** The call's answer when its worker had to be stopped. */
  stopped(reason: 'timeout' | 'memory'): unknown;
}

interface Sent {
  id: number;
  job: Job;
}

interface Slot {
  worker: ChildProcess;
  ready: boolean;
  /** Resolves when the worker has started (or has gone). */
  started: Promise<void>;
  /** The calls this worker holds, in the order it runs them: the first is running (or about to). */
  jobs: Sent[];
  /** The time limit of the running call. */
  timer?: NodeJS.Timeout;
  /** When the running call looks stalled (STALL_MS), the calls behind it are taken back. */
  stallTimer?: NodeJS.Timeout;
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
  private dispatchScheduled = false;
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
    const outcomes = await this.runChain(compiled, name, ctx, [], [], ctx);
    if (outcomes.failure) throw outcomes.failure;
    return outcomes[0]!;
  }

  /**
   * Runs `name` of `compiled` with `ctx`, then, in the same round trip, the handler of `next` that `then`
   * names for how the one before it ended (a plain return, or an early return with its skipTo; run.ts
   * chainExit), and so on, each with `base` as its ctx but for the previous one's stash and value
   * (prev.result, and result withResult). Resolves with the outcomes of those that ran; if the engine
   * itself failed after the first, with `failure` too.
   */
  async runChain(
    compiled: CompiledCode,
    name: HandlerName,
    ctx: ContextInput,
    next: ChainedHandler[],
    then: ChainTransitions[],
    base: ContextInput,
  ): Promise<ChainOutcomes> {
    const opts = { timeoutMs: this.timeoutMs };
    const codes = new Map<number, string>();
    const keyOf = (c: CompiledCode) => {
      let key = this.keys.get(c);
      if (key === undefined) this.keys.set(c, (key = this.nextKey++));
      codes.set(key, c.code);
      return key;
    };
    const firstCall = prepareCall(compiled.fileName, name, ctx, opts);
    const chained = prepareChainedCalls(next.map((h) => ({ fileName: h.compiled.fileName, name: h.name, withResult: h.withResult })), base, opts);
    const calls: Omit<HandlerCall, 'ctxJson'>[] = [firstCall, ...chained];
    const packed = packChain(firstCall, chained);
    const first = { key: keyOf(compiled), call: packed.first };
    const rest = next.map((h, i) => ({ key: keyOf(h.compiled), call: packed.next[i]! }));
    const raws: HandlerRaw[] = [];
    const steps = [0];
    let failure: Error | undefined;
    try {
      raws.push((await this.submit({
        request: { kind: 'run', first, next: rest, then },
        timeoutMs: first.call.timeoutMs,
        stopped: (reason) => stoppedCall(calls[steps[steps.length - 1]!]!, reason),
        codes,
        partial: (raw, at) => {
          raws.push(raw);
          steps.push(at);
        },
      })) as HandlerRaw);
    } catch (err) {
      if (raws.length === 0) throw err;
      failure = err as Error;
    }
    const outcomes = Object.assign([] as HandlerOutcome[], { steps: steps.slice(0, raws.length) }) as ChainOutcomes;
    let stash = ctx.stash;
    for (const [i, raw] of raws.entries()) {
      // JSON turned the status's missing members into nulls.
      for (let j = 0; j < raw.status.length; j++) if (raw.status[j] === null) raw.status[j] = undefined;
      const outcome = finishCall(raw, calls[steps[i]!]!, i === 0 ? ctx : { ...base, stash });
      stash = outcome.stash ?? stash;
      outcomes.push(outcome);
    }
    if (failure) outcomes.failure = failure;
    return outcomes;
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
      this.scheduleDispatch();
    });
  }

  /** Dispatches once the current turn's I/O is handled, so that the calls it brought share messages. */
  private scheduleDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    setImmediate(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  /** Hands queued calls to the least busy workers that are not stalled, one message per worker. */
  private dispatch(): void {
    const batches = new Map<Slot, WorkerRequest[]>();
    while (this.queue.length > 0) {
      let slot: Slot | undefined;
      for (const s of this.slots) {
        if (!s.ready || s.jobs.length >= PIPELINE_DEPTH || (s.jobs.length > 0 && !s.stallTimer)) continue;
        if (!slot || s.jobs.length < slot.jobs.length) slot = s;
      }
      if (!slot) break;
      const job = this.queue.shift()!;
      let batch = batches.get(slot);
      if (!batch) batches.set(slot, (batch = []));
      batch.push(this.request(slot, job));
    }
    for (const [slot, batch] of batches) slot.worker.send({ batch } satisfies WorkerMessage);
  }

  /** The message for `job` on `slot`'s worker; the job joins the worker's line. */
  private request(slot: Slot, job: Job): WorkerRequest {
    const id = this.nextId++;
    let request: WorkerRequest = { ...job.request, id };
    if (request.kind === 'run') {
      const withCode = <S extends { key: number }>(step: S): S => {
        if (slot.sent.has(step.key)) return step;
        slot.sent.add(step.key);
        return { ...step, code: job.codes?.get(step.key) };
      };
      request = { ...request, first: withCode(request.first), next: request.next.map(withCode) };
    }
    slot.jobs.push({ id, job });
    if (slot.jobs.length === 1) this.arm(slot);
    return request;
  }

  /** Starts the time limit (and the stall watch) of the call at the head of the slot's line. */
  private arm(slot: Slot): void {
    clearTimeout(slot.timer);
    clearTimeout(slot.stallTimer);
    const head = slot.jobs[0];
    if (!head) {
      slot.timer = slot.stallTimer = undefined;
      return;
    }
    // The sandbox stops plain JS loops itself at the limit; this catches what it cannot see.
    slot.timer = setTimeout(() => this.fail(slot, 'timeout'), head.job.timeoutMs + this.graceMs);
    slot.stallTimer = setTimeout(() => {
      slot.stallTimer = undefined;
      this.takeBack(slot);
    }, STALL_MS);
  }

  /** The running call is slow: the calls behind it go back to the front of the queue, for other workers. */
  private takeBack(slot: Slot): void {
    const behind = slot.jobs.splice(1);
    if (behind.length === 0) return;
    slot.worker.send({ cancel: behind.map((s) => s.id) } satisfies WorkerMessage);
    this.queue.unshift(...behind.map((s) => s.job));
    this.scheduleDispatch();
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
      execArgv: [`--max-old-space-size=${this.maxHeapMb}`, '--max-semi-space-size=8', ...profilingArgs()],
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
    const slot: Slot = { worker, ready: false, jobs: [], sent: new Set(), started: new Promise((resolve) => (started = resolve)) };
    worker.once('exit', () => started());
    this.slots.push(slot);
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        started();
      } else {
        // Only the head of the line runs; any other answer is for a call taken back (already requeued).
        const head = slot.jobs[0];
        if (!head || head.id !== reply.id) return;
        if ('partial' in reply) {
          // The chain's next call has started: its own time limit.
          this.arm(slot);
          head.job.partial?.(reply.partial, reply.next);
          return;
        }
        slot.jobs.shift();
        this.arm(slot);
        const job = head.job;
        if ('value' in reply) job.resolve(reply.value);
        else if ('badRequest' in reply) job.reject(new BadRequestException(reply.badRequest));
        else job.reject(new Error(`APPSYNC_JS worker: ${reply.failure}`));
      }
      this.scheduleDispatch();
    });
    worker.on('error', (err) => console.error('[appsync] APPSYNC_JS worker failed:', err));
    worker.on('exit', () => {
      // A worker dies mid-call only from what the code did: V8 aborts on an exhausted heap or an
      // oversized allocation ("Fatal JavaScript invalid size error"). Either is the memory limit.
      if (slot.ready && slot.jobs.length > 0) return this.fail(slot, 'memory');
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
    clearTimeout(slot.stallTimer);
    const [head, ...behind] = slot.jobs.splice(0);
    void this.stop(slot);
    // The calls behind the stopped one had not run: they go to another worker.
    if (behind.length > 0) this.queue.unshift(...behind.map((s) => s.job));
    if (head) {
      if (reason instanceof Error) head.job.reject(reason);
      else head.job.resolve(head.job.stopped(reason));
    }
    if (!this.closed && slot.ready) {
      this.fill();
      this.scheduleDispatch();
    }
  }

  private async stop(slot: Slot): Promise<void> {
    clearTimeout(slot.timer);
    clearTimeout(slot.stallTimer);
    if (slot.worker.exitCode !== null || slot.worker.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => slot.worker.once('exit', () => resolve()));
    // The worker is unref'd while it serves; awaited here, its exit must hold the event loop open (else
    // a script whose last handle this is would end with the close still pending: exit code 13).
    slot.worker.ref();
    if (PROFILING && this.closed && slot.worker.connected) {
      // A profiled worker writes its profile only when it exits by itself: on disconnect (worker.ts).
      slot.worker.disconnect();
      const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000).unref())]);
      if (gone) return;
    }
    slot.worker.kill('SIGKILL');
    await exited;
  }
}
