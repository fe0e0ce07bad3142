/**
 * Resolver code runs in worker processes, not in the runtime's process (docs/local-runtime.md): a vm
 * context shares the main heap, and native builtins (Array.prototype.fill, concat, join…) never return
 * to the sandbox's deadline check, so one handler could freeze or crash the whole runtime. Processes,
 * not worker threads: a worker thread's `resourceLimits` does not survive every out-of-memory path
 * (a failed large allocation aborts the whole process). Each worker has a heap limit
 * (`--max-old-space-size`) and a watchdog thread (watchdog.ts) that ends it when a handler outlives its
 * time limit plus a grace. The job that was running then gets AppSync's error for code that ran out of
 * time or memory, and a new worker takes the old one's place. The main thread only ever waits
 * asynchronously, so it keeps serving meanwhile.
 *
 * One crossing per resolver run (docs/local-runtime.md, "One crossing per resolver run"): the pool sends
 * a run's base ctx once, the worker runs the whole resolver (its pipeline, its DynamoDB calls) and
 * answers once. It asks back only for the calls of data sources that live in this process (Lambda,
 * EventBridge) and before a run's first DynamoDB write. The jobs dispatched in one turn of the event
 * loop go to a worker in one message; a worker holds up to MAX_IN_FLIGHT jobs.
 *
 * A worker whose handler runs long (its watchdog says so after STALL_MS) gets no new job until the
 * handler ends, and its jobs that have not written go to another worker: one slow or hostile handler
 * holds up no other request. A job that has written stays (its writes must not be made twice); it is
 * answered when its worker goes on, or with an error should its worker be stopped.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContextInput, DataSource, HandlerName, RaisedError } from '../types.ts';
import type { CompiledCode } from './compile.ts';
import { BadRequestException, stoppedEvaluation, type EvaluateCodeInput, type EvaluateCodeResponse } from './evaluate.ts';
import { DEFAULT_TIMEOUT_MS, RESOURCE_ERRORS } from './run.ts';
import type { CodeRef, DataSourceRef, Question, ResolverDef, WorkerJob, WorkerMessage, WorkerReply, WorkerRequest, Answer } from './worker.ts';
import type { CompiledResolver, RunOutput } from '../graphql/resolve.ts';
import { FieldFailure } from '../graphql/errors.ts';
import { internalFailure } from '../datasources/errors.ts';
import type { Portable } from '../datasources/portable.ts';
import { MARKER_BYTES, parseMarker } from './watchdog.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** Jobs a worker may hold at once (runs waiting on DynamoDB and those not started yet). */
const MAX_IN_FLIGHT = 32;
/** A handler running longer than this has its worker's other jobs (those that have not written) taken back. */
const STALL_MS = 50;
/** A job caught in this many stopped workers that were not its fault is answered with an error instead. */
const MAX_REDISPATCH = 2;

/**
 * ⚠ AWS has no counterpart: a run that had written when another run's code stopped their worker. Its
 * outcome is unknown (its writes may have been made), so it is not run again.
 */
const INTERRUPTED = () =>
  new FieldFailure('The resolver was interrupted: another resolver stopped the APPSYNC_JS worker it ran on, after this one had started writing', 'InternalFailure');

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

let nextWorker = 1;

/**
 * A worker's marker file (watchdog.ts): made and unlinked at once, and shared with the worker as its
 * fd 5, so that nothing is left behind however either process ends.
 */
function markerFile(): number {
  const path = join(tmpdir(), `appsync-worker-${process.pid}-${nextWorker++}-${Date.now()}`);
  const fd = openSync(path, 'w+', 0o600);
  unlinkSync(path);
  return fd;
}

export interface WorkerPoolOptions {
  /** Workers, all kept running (fill). Default 2: one hostile handler cannot hold up the others. */
  size?: number;
  /** A handler's (and an evaluation's) time limit. Default AppSync's 30 s. */
  timeoutMs?: number;
  /**
   * A worker's heap limit (V8 old generation). ⚠ AWS states no figure for APPSYNC_JS memory; 128 MB
   * holds every resolver compiled plus a 5 MB result handled several times over, with room to spare.
   */
  maxHeapMb?: number;
  /** How long past the time limit a handler may take before its worker is ended. Default 1 s. */
  graceMs?: number;
}

interface Job {
  request: WorkerJob;
  /** The resolver of a 'resolve' job (its definition is sent with its first run on each worker). */
  resolver?: CompiledResolver;
  /** The run's base ctx, for the calls a worker asks of this process. */
  base?: Omit<ContextInput, 'stash'>;
  onAppend?: (errors: RaisedError[]) => void;
  /**
   * The run has written, called a data source of this process or reported appended errors: what it did
   * cannot be taken back, so it never runs again elsewhere.
   */
  committed: boolean;
  /** Stopped workers this job was caught in without being the cause. */
  redispatched: number;
  resolve(value: unknown): void;
  reject(err: Error): void;
  /** Settles the job whose handler `name` stopped its worker. */
  stopped(this: Job, reason: 'timeout' | 'memory', name: HandlerName): void;
}

interface Slot {
  worker: ChildProcess;
  ready: boolean;
  /** Resolves when the worker has started (or has gone). */
  started: Promise<void>;
  /** The jobs this worker holds, by the id they were sent with. */
  jobs: Map<number, Job>;
  /** Its watchdog said a handler runs long (STALL_MS): no new job until it says the handler ended. */
  stalled: boolean;
  /** Code, data source and resolver keys this worker was sent. */
  sent: Set<string>;
  /** Where its main thread says which job's handler runs (watchdog.ts): a file descriptor. */
  marker: number;
  answers: Answer[];
}

interface Keys {
  code: WeakMap<CompiledCode, number>;
  dataSource: Map<DataSource, number>;
  resolver: WeakMap<CompiledResolver, number>;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly keys: Keys = { code: new WeakMap(), dataSource: new Map(), resolver: new WeakMap() };
  private readonly dataSourceByKey = new Map<number, DataSource>();
  /** Each data source's description for the workers (undefined: it runs here), once made. */
  private readonly portables = new Map<DataSource, Promise<Portable | undefined>>();
  private readonly described = new Map<DataSource, Portable | undefined>();
  private nextKey = 1;
  private nextId = 1;
  private closed = false;
  private dispatchScheduled = false;
  private answersScheduled = false;
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

  /**
   * Runs `resolver` (graphql/resolve.ts runResolver, in a worker) with `base` as its ctx: resolves with
   * what the run produced, rejects with the field's FieldFailure.
   */
  async runResolver(resolver: CompiledResolver, base: Omit<ContextInput, 'stash'>, onAppend: (errors: RaisedError[]) => void): Promise<RunOutput> {
    const sources = resolver.kind === 'UNIT' ? [resolver.dataSource] : resolver.functions.map((f) => f.dataSource);
    for (const ds of sources) if (!this.described.has(ds)) await this.describe(ds);
    const timeoutMs = this.timeoutMs;
    // ctx crosses as the channel's JSON writes it, once (info's selection set is not enumerable).
    const selection: [string[], string] = [base.info.selectionSetList ?? [], base.info.selectionSetGraphQL ?? ''];
    return (await this.submit({
      request: { kind: 'resolve', resolver: 0, ctx: base, selection, timeoutMs },
      resolver,
      base,
      onAppend,
      stopped(this: Job, reason, name) {
        const e = reason === 'timeout' ? RESOURCE_ERRORS.timeout(name, timeoutMs) : RESOURCE_ERRORS.memory(name);
        this.reject(new FieldFailure(e.message, e.errorType));
      },
    })) as RunOutput;
  }

  /** evaluateCode (evaluate.ts) in a worker; rejects with BadRequestException for bad input. */
  async evaluateCode(input: EvaluateCodeInput): Promise<EvaluateCodeResponse> {
    const timeoutMs = this.timeoutMs;
    return (await this.submit({
      request: { kind: 'evaluate', input, timeoutMs },
      stopped(this: Job, reason) {
        this.resolve(stoppedEvaluation(input, reason, timeoutMs));
      },
    })) as EvaluateCodeResponse;
  }

  /** Resolves once every worker is running (after a worker was stopped: once its replacement is). */
  async ready(): Promise<void> {
    this.fill();
    await Promise.all(this.slots.map((s) => s.started));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closedError = () => new Error('the APPSYNC_JS engine is closed');
    for (const job of this.queue.splice(0)) job.reject(closedError());
    for (const slot of this.slots) for (const job of slot.jobs.values()) job.reject(closedError());
    await Promise.all(this.slots.splice(0).map(async (slot) => {
      await this.stop(slot);
      closeSync(slot.marker);
    }));
  }

  private describe(ds: DataSource): Promise<Portable | undefined> {
    let p = this.portables.get(ds);
    if (!p) {
      p = (ds.portable?.() ?? Promise.resolve(undefined)).catch((err: unknown) => {
        console.error('[appsync] a data source could not describe itself for the workers; its calls stay in this process:', err);
        return undefined;
      });
      p.then((d) => this.described.set(ds, d));
      this.portables.set(ds, p);
    }
    return p;
  }

  private submit(job: Omit<Job, 'resolve' | 'reject' | 'committed' | 'redispatched'>): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the APPSYNC_JS engine is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ ...job, committed: false, redispatched: 0, resolve, reject });
      this.fill();
      this.scheduleDispatch();
    });
  }

  /** Dispatches once the current turn's I/O is handled, so that the jobs it brought share messages. */
  private scheduleDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    setImmediate(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  /** Hands queued jobs to the least busy workers that are running and not stalled, one message per worker. */
  private dispatch(): void {
    const batches = new Map<Slot, WorkerRequest[]>();
    while (this.queue.length > 0) {
      let slot: Slot | undefined;
      for (const s of this.slots) {
        if (!s.ready || s.stalled || s.jobs.size >= MAX_IN_FLIGHT) continue;
        if (!slot || s.jobs.size < slot.jobs.size) slot = s;
      }
      if (!slot) break;
      const job = this.queue.shift()!;
      let batch = batches.get(slot);
      if (!batch) batches.set(slot, (batch = []));
      batch.push(this.request(slot, job));
    }
    for (const [slot, batch] of batches) slot.worker.send({ batch } satisfies WorkerMessage);
  }

  /** The message for `job` on `slot`'s worker; the job joins the worker's jobs. */
  private request(slot: Slot, job: Job): WorkerRequest {
    const id = this.nextId++;
    slot.jobs.set(id, job);
    if (job.request.kind !== 'resolve') return { ...job.request, id };
    const resolver = job.resolver!;
    let key = this.keys.resolver.get(resolver);
    if (key === undefined) this.keys.resolver.set(resolver, (key = this.nextKey++));
    const request: WorkerRequest = { ...job.request, id, resolver: key };
    if (!slot.sent.has(`r${key}`)) {
      slot.sent.add(`r${key}`);
      request.def = this.definition(slot, resolver);
    }
    return request;
  }

  private definition(slot: Slot, r: CompiledResolver): ResolverDef {
    const code = (c: unknown): CodeRef => {
      const compiled = c as CompiledCode;
      let key = this.keys.code.get(compiled);
      if (key === undefined) this.keys.code.set(compiled, (key = this.nextKey++));
      if (slot.sent.has(`c${key}`)) return { key, fileName: compiled.fileName };
      slot.sent.add(`c${key}`);
      return { key, fileName: compiled.fileName, code: compiled.code };
    };
    const dataSource = (ds: DataSource): DataSourceRef => {
      let key = this.keys.dataSource.get(ds);
      if (key === undefined) {
        this.keys.dataSource.set(ds, (key = this.nextKey++));
        this.dataSourceByKey.set(key, ds);
      }
      if (slot.sent.has(`d${key}`)) return { key };
      slot.sent.add(`d${key}`);
      return { key, spec: this.described.get(ds)?.spec ?? { type: 'REMOTE' } };
    };
    return r.kind === 'UNIT'
      ? { kind: 'UNIT', id: r.id, code: code(r.code), dataSource: dataSource(r.dataSource) }
      : { kind: 'PIPELINE', id: r.id, code: code(r.code), functions: r.functions.map((f) => ({ name: f.name, code: code(f.code), dataSource: dataSource(f.dataSource) })) };
  }

  /** A question of job `id` on `slot` (worker.ts Question): answered in this process. */
  private async answer(slot: Slot, id: number, ask: number, question: Question): Promise<void> {
    const job = slot.jobs.get(id);
    let answer: Answer;
    if ('write' in question) {
      // A job taken back (to run elsewhere) must not write here.
      if (job) job.committed = true;
      answer = { id, answer: ask, allowed: job !== undefined };
    } else if (!job) {
      answer = { id, answer: ask, result: null, error: internalFailure() };
    } else if ('ds' in question) {
      job.committed = true;
      const ds = this.dataSourceByKey.get(question.ds);
      const ctx: ContextInput = { ...job.base!, stash: question.stash, ...(question.prev ? { prev: question.prev } : {}) };
      let out: { result: unknown; error?: unknown };
      try {
        out = ds ? await ds.invoke({ request: question.request, resolverId: question.resolverId, ctx }) : { result: null, error: internalFailure() };
      } catch (err) {
        console.error('[appsync] data source threw:', err);
        out = { result: null, error: internalFailure() };
      }
      answer = { id, answer: ask, result: out.result, error: (out.error ?? null) as Answer['error'] };
    } else {
      try {
        const ds = this.dataSourceByKey.get(question.custom.ds);
        const handler = ds && this.described.get(ds)?.customHandler;
        if (!handler) throw new Error('no conditional check handler');
        const ctx: ContextInput = { ...job.base!, stash: {} };
        answer = { id, answer: ask, result: await handler(question.custom.event as never, question.custom.lambdaArn, { request: null, resolverId: '', ctx }) };
      } catch (err) {
        answer = { id, answer: ask, result: null, error: { type: 'Lambda:Unhandled', message: err instanceof Error ? err.message : String(err) } };
      }
    }
    slot.answers.push(answer);
    if (!this.answersScheduled) {
      this.answersScheduled = true;
      setImmediate(() => {
        this.answersScheduled = false;
        for (const s of this.slots) {
          if (s.answers.length === 0) continue;
          s.worker.send({ answers: s.answers.splice(0) } satisfies WorkerMessage);
        }
      });
    }
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
    const marker = markerFile();
    const worker = fork(fileURLToPath(ENTRY), [], {
      // No inherited loader flags: the entry registers tsx itself (under vitest there is none to inherit).
      execArgv: [`--max-old-space-size=${this.maxHeapMb}`, '--max-semi-space-size=8', ...profilingArgs()],
      env: { ...process.env, APPSYNC_WORKER_GRACE_MS: String(this.graceMs), APPSYNC_WORKER_STALL_MS: String(STALL_MS) },
      // JSON framing costs less than the structured clone here (small messages, mostly strings).
      serialization: 'json',
      // fd 4: the watchdog's pipe; fd 5: the marker file (watchdog.ts).
      stdio: ['ignore', 'inherit', 'pipe', 'ipc', 'pipe', marker],
    });
    // The worker's log (its data sources log their internal failures) goes on to this process's
    // stderr; the tail is kept for the message when a worker cannot start (V8's fatal-error reports).
    let stderrTail = '';
    worker.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4096);
    });
    worker.unref();
    worker.channel?.unref();
    let started!: () => void;
    const slot: Slot = {
      worker,
      ready: false,
      jobs: new Map(),
      stalled: false,
      sent: new Set(),
      marker,
      answers: [],
      started: new Promise((resolve) => (started = resolve)),
    };
    const watchPipe = worker.stdio[4] as NodeJS.ReadableStream | null;
    let watchLine = '';
    watchPipe?.on('data', (chunk: Buffer) => {
      watchLine += chunk.toString('utf8');
      let nl: number;
      while ((nl = watchLine.indexOf('\n')) !== -1) {
        const line = watchLine.slice(0, nl);
        watchLine = watchLine.slice(nl + 1);
        if (line.startsWith('S ')) this.stall(slot, Number(line.slice(2)));
        else if (line === 'U') {
          slot.stalled = false;
          this.scheduleDispatch();
        }
      }
    });
    (watchPipe as unknown as { unref?(): void } | null)?.unref?.();
    worker.once('exit', () => started());
    this.slots.push(slot);
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        started();
        this.scheduleDispatch();
        return;
      }
      if ('ask' in reply) {
        void this.answer(slot, reply.id, reply.ask, reply.question);
        return;
      }
      // A job taken back (to another worker) is answered there: an answer from here is ignored.
      const job = slot.jobs.get(reply.id);
      if (!job) return;
      if ('appended' in reply) {
        job.committed = true;
        job.onAppend?.(reply.appended);
        return;
      }
      slot.jobs.delete(reply.id);
      if ('output' in reply) job.resolve(reply.output);
      else if ('value' in reply) job.resolve(reply.value);
      else if ('fieldFailure' in reply) {
        const f = reply.fieldFailure;
        job.reject(new FieldFailure(f.message, f.type, f.data ?? null, f.errorInfo ?? null));
      } else if ('badRequest' in reply) job.reject(new BadRequestException(reply.badRequest));
      else job.reject(new Error(`APPSYNC_JS worker: ${reply.failure}`));
      this.scheduleDispatch();
    });
    worker.on('error', (err) => console.error('[appsync] APPSYNC_JS worker failed:', err));
    worker.on('exit', (code, signal) => {
      const index = this.slots.indexOf(slot);
      if (index === -1) return;
      this.slots.splice(index, 1);
      const record = Buffer.alloc(MARKER_BYTES);
      const read = readSync(slot.marker, record, 0, MARKER_BYTES, 0);
      closeSync(slot.marker);
      const mark = parseMarker(record.toString('utf8', 0, read));
      if (!slot.ready) {
        // A worker that cannot start would be restarted forever: refuse what waits instead.
        const crash = new Error(`the APPSYNC_JS worker did not start: ${stderrTail.slice(-500)}`);
        for (const job of this.queue.splice(0)) job.reject(crash);
        for (const job of slot.jobs.values()) job.reject(crash);
        return;
      }
      // A worker ends mid-job only from what code did: its watchdog ended it (time limit: marker T), or
      // V8 aborted it on an exhausted heap or an oversized allocation (marker R: that job's handler).
      const culprit = mark && mark.state !== 'I' ? slot.jobs.get(mark.job) : undefined;
      if (culprit && mark) {
        slot.jobs.delete(mark.job);
        culprit.stopped(mark.state === 'T' ? 'timeout' : 'memory', mark.handler);
      }
      const crash = culprit ? undefined : new Error(`the APPSYNC_JS worker stopped unexpectedly (${signal ?? code}): ${stderrTail.slice(-500)}`);
      if (crash && slot.jobs.size > 0) console.error('[appsync]', crash.message);
      this.requeue(slot.jobs.values(), () => crash ?? INTERRUPTED());
      slot.jobs.clear();
      if (!this.closed) {
        this.fill();
        this.scheduleDispatch();
      }
    });
  }

  /** Jobs of a stopped (or stalled) worker: those that have not written run again elsewhere. */
  private requeue(jobs: Iterable<Job>, failure: () => Error): void {
    const again: Job[] = [];
    for (const job of jobs) {
      if (job.committed || ++job.redispatched > MAX_REDISPATCH) job.reject(failure());
      else again.push(job);
    }
    this.queue.unshift(...again);
  }

  /** `slot`'s worker runs a handler of job `running` for long: its other jobs that have not written go elsewhere. */
  private stall(slot: Slot, running: number): void {
    slot.stalled = true;
    const back: number[] = [];
    for (const [id, job] of slot.jobs) {
      if (id === running || job.committed) continue;
      slot.jobs.delete(id);
      back.push(id);
      this.queue.unshift(job);
    }
    if (back.length === 0) return;
    slot.worker.send({ cancel: back } satisfies WorkerMessage);
    this.scheduleDispatch();
  }

  private async stop(slot: Slot): Promise<void> {
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
