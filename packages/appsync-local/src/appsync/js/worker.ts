/**
 * The engine's worker process (worker-pool.ts): compiles each resolver's code once, on its first call,
 * and runs handler calls and EvaluateCode evaluations as the main thread sends them, one at a time, in
 * the order sent. Messages bring a batch of calls, or the ids of calls to drop (the pool took them back
 * from behind a slow call: worker-pool.ts); one call runs per turn of the event loop, so a drop that
 * arrived meanwhile is seen before the next call starts. Everything crossing the process boundary is
 * plain data (a packed chain of HandlerCalls in, chain-wire.ts; HandlerRaw out).
 */
import { compileResolverCode, type CompiledCode } from './compile.ts';
import { BadRequestException, evaluateCode, type EvaluateCodeInput } from './evaluate.ts';
import { unpackChain, type PackedFirst, type PackedNext } from './chain-wire.ts';
import { chainedCall, chainExit, executeCall, type ChainExit, type HandlerRaw } from './run.ts';

/**
 * 'run': handler calls in a chain (worker-pool.ts runChain): the first one, then each next one while
 * the one before it returned plainly (continuesChain). Each call but the last that ran is reported as
 * soon as it has run (a `partial` reply: the pool restarts the time limit for the next one, and keeps
 * what it produced should the next one have to be stopped); the last one that ran is the `value`.
 */
export type WorkerJob =
  | { kind: 'run'; first: RunStep<PackedFirst>; next: RunStep<PackedNext>[]; then: ChainTransitions[] }
  | { kind: 'evaluate'; input: EvaluateCodeInput; timeoutMs: number };
export type RunStep<C> = { key: number; code?: string; call: C };
/** Per call of a chain (0: first, i: next[i - 1]), which call runs after it, by how it ended (none: stop). */
export type ChainTransitions = Partial<Record<ChainExit, number>>;
export type WorkerRequest = WorkerJob & { id: number };
/** What the pool sends: calls to run, in order, or calls not started yet to drop. */
export type WorkerMessage = { batch: WorkerRequest[] } | { cancel: number[] };

export type WorkerReply =
  | { ready: true }
  | { id: number; value: unknown }
  | { id: number; partial: HandlerRaw; next: number }
  | { id: number; badRequest: string }
  | { id: number; failure: string };

const compiled = new Map<number, CompiledCode>();

/** Code received but not compiled yet (a chain's later call that did not run). */
const sources = new Map<number, string>();

function codeOf(step: { key: number; code?: string }, fileName: string): CompiledCode {
  let code = compiled.get(step.key);
  if (!code) {
    // The main thread validated this code at load, and sends it with a key's first call here.
    const source = step.code ?? sources.get(step.key);
    if (source === undefined) throw new Error(`no code for key ${step.key}`);
    sources.delete(step.key);
    code = compileResolverCode(source, { fileName });
    compiled.set(step.key, code);
  }
  return code;
}

/** Code comes with a key's first call to this worker: kept on arrival (that call may be dropped). */
function keepSources(req: WorkerRequest): void {
  if (req.kind !== 'run') return;
  for (const step of [req.first, ...req.next]) if (step.code !== undefined && !compiled.has(step.key)) sources.set(step.key, step.code);
}

function answer(req: WorkerRequest): WorkerReply {
  try {
    if (req.kind === 'evaluate') return { id: req.id, value: evaluateCode(req.input, { timeoutMs: req.timeoutMs }) };
    const calls = unpackChain({ first: req.first.call, next: req.next.map((s) => s.call) });
    let raw = executeCall(codeOf(req.first, req.first.call.fileName), calls.first);
    // Bounded: a chain never goes back (each transition points further down the list).
    for (let at = 0; ; ) {
      const exit = chainExit(raw);
      const nextAt = exit && req.then[at]?.[exit.exit];
      if (!exit || nextAt === undefined || nextAt <= at || nextAt > req.next.length) break;
      const step = req.next[nextAt - 1]!;
      const call = calls.next[nextAt - 1]!;
      // Compiled before the previous call is reported, so that a failure here leaves the call to the
      // pool as a call of its own (which fails as it would have).
      let code: CompiledCode;
      try {
        code = codeOf(step, call.fileName);
      } catch {
        break;
      }
      process.send!({ id: req.id, partial: raw, next: nextAt } satisfies WorkerReply);
      raw = executeCall(code, chainedCall(call, exit.value, exit.stash));
      at = nextAt;
    }
    return { id: req.id, value: raw };
  } catch (err) {
    if (err instanceof BadRequestException) return { id: req.id, badRequest: err.message };
    return { id: req.id, failure: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

const pending: WorkerRequest[] = [];
let scheduled = false;

function runNext(): void {
  scheduled = false;
  const req = pending.shift();
  if (req) process.send!(answer(req));
  schedule();
}

function schedule(): void {
  if (scheduled || pending.length === 0) return;
  scheduled = true;
  setImmediate(runNext);
}

process.on('message', (msg: WorkerMessage) => {
  if ('cancel' in msg) {
    const dropped = new Set(msg.cancel);
    for (let i = pending.length - 1; i >= 0; i--) if (dropped.has(pending[i]!.id)) pending.splice(i, 1);
    return;
  }
  for (const req of msg.batch) {
    keepSources(req);
    pending.push(req);
  }
  schedule();
});
// Without its parent (the runtime stopped or crashed) the worker has nothing left to do.
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true } satisfies WorkerReply);
