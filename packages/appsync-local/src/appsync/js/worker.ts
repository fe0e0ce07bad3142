/**
 * The engine's worker process (worker-pool.ts): it runs whole resolver runs and EvaluateCode
 * evaluations (docs/local-runtime.md, "One crossing per resolver run"). A resolver run arrives as one
 * message (its base ctx as JSON) and leaves as one reply (the run's value, or the field's failure): the
 * pipeline's steps (graphql/resolve.ts) run here, and so do the calls of the data sources that can be
 * rebuilt in this process (DynamoDB, NONE: datasources/portable.ts). The calls of any other data source
 * (Lambda, EventBridge) are asked of the runtime's process over the channel. Several runs are in
 * flight at once (a run waiting on DynamoDB lets the next one start), one handler at a time.
 *
 * Bounds: every handler runs under the sandbox's own deadline, and under the watchdog (watchdog.ts), a
 * thread of this process that ends it when a handler outlives its limit (code stuck in a native call,
 * which the sandbox cannot see) and tells the pool when one runs long enough to hold up the others.
 * Which run's handler is running is also written to a marker file before it starts (and cleared
 * after), so that when V8 aborts the process on an exhausted heap the pool knows which run it was.
 *
 * Writes: before a run's first DynamoDB write, the worker asks the pool (the pool may have taken the run
 * back, to run it on another worker, while this one was held up: then the write is not made). A run
 * that has written is never run again elsewhere.
 */
import { writeSync } from 'node:fs';
import { Worker as Thread } from 'node:worker_threads';
import { compileResolverCode, type CompiledCode } from './compile.ts';
import { BadRequestException, evaluateCode, type EvaluateCodeInput } from './evaluate.ts';
import { runHandler } from './run.ts';
import { runResolver, type CompiledResolver, type Engine, type RunOutput } from '../graphql/resolve.ts';
import { FieldFailure } from '../graphql/field-failure.ts';
import { rebuildDataSource, type PortableSpec } from '../datasources/portable.ts';
import { internalFailure } from '../datasources/errors.ts';
import type { ContextInput, DataSource, DataSourceError, DataSourceInvocation, DataSourceResult, HandlerName, RaisedError } from '../types.ts';
import { WATCHDOG_SOURCE, WATCH_SLOTS, MARKER_BYTES, marker } from './watchdog.ts';

/** A handler's code: sent with its key's first use on this worker. */
export interface CodeRef {
  key: number;
  fileName: string;
  code?: string;
}
/** A data source: its description (or 'REMOTE': asked of the runtime) with its key's first use. */
export interface DataSourceRef {
  key: number;
  spec?: PortableSpec | { type: 'REMOTE' };
}
export type ResolverDef =
  | { kind: 'UNIT'; id: string; code: CodeRef; dataSource: DataSourceRef }
  | { kind: 'PIPELINE'; id: string; code: CodeRef; functions: { name: string; code: CodeRef; dataSource: DataSourceRef }[] };

export type WorkerJob =
  /**
   * A resolver run: `ctx` is the base ctx (no stash), which crosses as JSON does (info's non-enumerable
   * selection set left out: it crosses beside it, as `selection`).
   */
  | { kind: 'resolve'; resolver: number; def?: ResolverDef; ctx: Omit<ContextInput, 'stash'>; selection: [string[], string]; timeoutMs: number }
  | { kind: 'evaluate'; input: EvaluateCodeInput; timeoutMs: number };
export type WorkerRequest = WorkerJob & { id: number };

/** The pool's answer to one of a run's questions (`ask`). */
export interface Answer {
  id: number;
  answer: number;
  result?: unknown;
  error?: DataSourceError | null;
  /** To a write question: whether the run may still write. */
  allowed?: boolean;
}

/** What the pool sends: jobs, jobs to drop (taken back), or answers. */
export type WorkerMessage = { batch: WorkerRequest[] } | { cancel: number[] } | { answers: Answer[] };

export type FieldFailureData = { message: string; type: string | null; data: unknown; errorInfo: unknown };

/** A question a run asks of the pool. */
export type Question =
  | { ds: number; request: unknown; resolverId: string; stash: Record<string, unknown>; prev?: { result: unknown } }
  | { write: true }
  | { custom: { ds: number; event: unknown; lambdaArn: string | undefined } };

export type WorkerReply =
  | { ready: true }
  | { id: number; value: unknown }
  | { id: number; output: RunOutput }
  | { id: number; fieldFailure: FieldFailureData }
  | { id: number; appended: RaisedError[] }
  | { id: number; ask: number; question: Question }
  | { id: number; badRequest: string }
  | { id: number; failure: string };

// ---- bounds -----------------------------------------------------------------------------------------

const GRACE_MS = Number(process.env.APPSYNC_WORKER_GRACE_MS ?? 1000);
const STALL_MS = Number(process.env.APPSYNC_WORKER_STALL_MS ?? 50);

const shared = new SharedArrayBuffer(WATCH_SLOTS * 8);
const watch = new Float64Array(shared);
/** The marker file the pool opened for this worker (worker-pool.ts). */
const markerFd = 5;
const IDLE = Buffer.from(marker('I', 0, 'request'));
writeSync(markerFd, IDLE, 0, MARKER_BYTES, 0);
const watchdog = new Thread(WATCHDOG_SOURCE, {
  eval: true,
  workerData: { shared, fd: 4, markerFd, graceMs: GRACE_MS, stallMs: STALL_MS },
  stdout: false,
  stderr: false,
});
watchdog.unref();

/** Runs a handler of job `id` as the watchdog's current one (see watchdog.ts for the slots). */
function bounded<T>(id: number, name: HandlerName, timeoutMs: number, run: () => T): T {
  writeSync(markerFd, Buffer.from(marker('R', id, name)), 0, MARKER_BYTES, 0);
  const now = Date.now();
  watch[1] = id;
  watch[2] = name === 'request' ? 0 : 1;
  watch[3] = now + timeoutMs;
  watch[4] += 1;
  watch[0] = now;
  try {
    return run();
  } finally {
    watch[0] = 0;
    writeSync(markerFd, IDLE, 0, MARKER_BYTES, 0);
  }
}

// ---- code, resolvers and data sources ---------------------------------------------------------------

const codes = new Map<number, CompiledCode>();
const resolvers = new Map<number, CompiledResolver>();
const dataSources = new Map<number, DataSource>();
/**
 * Definitions, code and data source descriptions come with their key's first use on this worker, and
 * are kept as they arrive: the job that brought them may be taken back before it starts.
 */
const defs = new Map<number, ResolverDef>();
const sources = new Map<number, string>();
const specs = new Map<number, NonNullable<DataSourceRef['spec']>>();

function keep(job: WorkerRequest): void {
  if (job.kind !== 'resolve' || !job.def) return;
  defs.set(job.resolver, job.def);
  const steps = job.def.kind === 'UNIT' ? [job.def] : [job.def, ...job.def.functions];
  for (const step of steps) if (step.code.code !== undefined) sources.set(step.code.key, step.code.code);
  const refs = job.def.kind === 'UNIT' ? [job.def.dataSource] : job.def.functions.map((f) => f.dataSource);
  for (const ref of refs) if (ref.spec) specs.set(ref.key, ref.spec);
}

function codeOf(ref: CodeRef): CompiledCode {
  let code = codes.get(ref.key);
  if (!code) {
    // The runtime validated this code at load.
    const source = sources.get(ref.key);
    if (source === undefined) throw new Error(`no code for key ${ref.key}`);
    code = compileResolverCode(source, { fileName: ref.fileName });
    codes.set(ref.key, code);
    sources.delete(ref.key);
  }
  return code;
}

/** The run a data source call belongs to (set on the run's base ctx; spread into each call's ctx). */
const RUN = Symbol('run');
const runOf = (call: DataSourceInvocation) => (call.ctx as unknown as { [RUN]: Run })[RUN];

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchPutItem', 'BatchDeleteItem', 'TransactWriteItems']);

function dataSourceOf(ref: DataSourceRef): DataSource {
  let ds = dataSources.get(ref.key);
  if (ds) return ds;
  const spec = specs.get(ref.key);
  if (!spec) throw new Error(`no description of data source ${ref.key}`);
  if (spec.type === 'REMOTE') {
    const key = ref.key;
    ds = {
      type: 'NONE',
      invoke: async (call) => {
        const { stash, prev } = call.ctx;
        return (await runOf(call).ask({ ds: key, request: call.request, resolverId: call.resolverId, stash, ...(prev ? { prev } : {}) })) as DataSourceResult;
      },
    };
  } else {
    const local = rebuildDataSource(spec, async (event, lambdaArn, call) => {
      const answer = (await runOf(call).ask({ custom: { ds: ref.key, event, lambdaArn } })) as DataSourceResult;
      if (answer.error) throw new Error(answer.error.message);
      return answer.result;
    });
    ds = {
      type: local.type,
      invoke: async (call) => {
        const run = runOf(call);
        const op = (call.request as { operation?: unknown } | null)?.operation;
        if (typeof op === 'string' && WRITES.has(op) && !(await run.mayWrite())) return { result: null, error: internalFailure() };
        return local.invoke(call);
      },
    };
  }
  dataSources.set(ref.key, ds);
  return ds;
}

function resolverOf(job: Extract<WorkerRequest, { kind: 'resolve' }>): CompiledResolver {
  let r = resolvers.get(job.resolver);
  if (r) return r;
  const def = defs.get(job.resolver);
  if (!def) throw new Error(`no definition of resolver ${job.resolver}`);
  r =
    def.kind === 'UNIT'
      ? { kind: 'UNIT', id: def.id, code: codeOf(def.code), dataSource: dataSourceOf(def.dataSource) }
      : { kind: 'PIPELINE', id: def.id, code: codeOf(def.code), functions: def.functions.map((f) => ({ name: f.name, code: codeOf(f.code), dataSource: dataSourceOf(f.dataSource) })) };
  resolvers.set(job.resolver, r);
  defs.delete(job.resolver);
  return r;
}

// ---- runs -------------------------------------------------------------------------------------------

const send = (reply: WorkerReply) => process.send!(reply);

class Run {
  private nextAsk = 1;
  private readonly waiting = new Map<number, (a: Answer) => void>();
  private writeAllowed: Promise<boolean> | undefined;

  constructor(readonly id: number) {}

  ask(question: Question): Promise<DataSourceResult | { allowed: boolean }> {
    const n = this.nextAsk++;
    return new Promise((resolve) => {
      this.waiting.set(n, (a) => resolve(a.allowed !== undefined ? { allowed: a.allowed } : { result: a.result ?? null, error: a.error ?? null }));
      send({ id: this.id, ask: n, question });
    });
  }

  answered(a: Answer): void {
    const done = this.waiting.get(a.answer);
    this.waiting.delete(a.answer);
    done?.(a);
  }

  /** Asked once per run: after that the pool will not run it elsewhere. */
  mayWrite(): Promise<boolean> {
    return (this.writeAllowed ??= this.ask({ write: true }).then((a) => (a as { allowed: boolean }).allowed));
  }
}

const runs = new Map<number, Run>();

function startRun(job: Extract<WorkerRequest, { kind: 'resolve' }>): void {
  const resolver = resolverOf(job);
  const run = new Run(job.id);
  runs.set(job.id, run);
  const base = job.ctx;
  Object.defineProperty(base.info, 'selectionSetList', { enumerable: false, value: job.selection[0] });
  Object.defineProperty(base.info, 'selectionSetGraphQL', { enumerable: false, value: job.selection[1] });
  (base as unknown as { [RUN]: Run })[RUN] = run;
  const engine: Engine = { runHandler: (code, name, ctx) => bounded(job.id, name, job.timeoutMs, () => runHandler(code as CompiledCode, name, ctx, { timeoutMs: job.timeoutMs })) };
  runResolver(engine, resolver, base, (appended) => send({ id: job.id, appended }))
    .then(
      (output): WorkerReply => ({ id: job.id, output }),
      (err: unknown): WorkerReply =>
        err instanceof FieldFailure
          ? { id: job.id, fieldFailure: { message: err.message, type: err.errorType, data: err.data, errorInfo: err.errorInfo } }
          : { id: job.id, failure: err instanceof Error ? `${err.name}: ${err.message}` : String(err) },
    )
    .then((reply) => {
      runs.delete(job.id);
      send(reply);
    });
}

function start(job: WorkerRequest): void {
  try {
    if (job.kind === 'evaluate') {
      const input = job.input;
      send({ id: job.id, value: bounded(job.id, input.function === 'response' ? 'response' : 'request', job.timeoutMs, () => evaluateCode(input, { timeoutMs: job.timeoutMs })) });
    } else {
      startRun(job);
    }
  } catch (err) {
    runs.delete(job.id);
    if (err instanceof BadRequestException) send({ id: job.id, badRequest: err.message });
    else send({ id: job.id, failure: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
}

// One job starts per turn of the event loop, so that a cancel, or an answer, that arrived meanwhile is
// seen before the next one starts.
const pending: WorkerRequest[] = [];
let scheduled = false;

function startNext(): void {
  scheduled = false;
  const job = pending.shift();
  if (job) start(job);
  schedule();
}

function schedule(): void {
  if (scheduled || pending.length === 0) return;
  scheduled = true;
  setImmediate(startNext);
}

process.on('message', (msg: WorkerMessage) => {
  if ('answers' in msg) {
    for (const a of msg.answers) runs.get(a.id)?.answered(a);
  } else if ('cancel' in msg) {
    const dropped = new Set(msg.cancel);
    for (let i = pending.length - 1; i >= 0; i--) if (dropped.has(pending[i]!.id)) pending.splice(i, 1);
  } else {
    for (const job of msg.batch) {
      keep(job);
      pending.push(job);
    }
    schedule();
  }
});
// Without its parent (the runtime stopped or crashed) the worker has nothing left to do.
process.on('disconnect', () => process.exit(0));
send({ ready: true });
