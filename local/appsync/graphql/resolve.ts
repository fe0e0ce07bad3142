/**
 * Runs one resolver (unit or pipeline) for one field, as APPSYNC.md §2 describes:
 *   unit:     request → data source → response
 *   pipeline: resolver request → each function (request → data source → response) → resolver response
 * with one stash for the whole run, `ctx.prev.result` chaining the steps, `runtime.earlyReturn`
 * skipping as documented, util.error aborting the field (and the rest of the pipeline), util.appendError
 * recorded without aborting, and data-source errors visible as `ctx.error` (swallowed unless a response
 * handler re-raises them).
 */
import type {
  ContextInput,
  DataSource,
  HandlerName,
  HandlerOutcome,
  InvalidationRequest,
  RaisedError,
  SubscriptionFilter,
} from '../types.ts';
import { internalFailure } from '../datasources/errors.ts';
import { FieldFailure } from './errors.ts';
import { CONTEXT_JSON_CACHE, type ContextJsonCache } from '../js/run.ts';

/** The compiled form of a resolver's code; opaque here (js/ owns it). */
export type CompiledCode = unknown;

/** A handler that runs right after another one, with no data source between them. */
export interface ChainedHandler {
  code: CompiledCode;
  name: HandlerName;
  /** ctx.result is the previous handler's value too (a pipeline's response handler). */
  withResult: boolean;
}

/** What the executor needs from the APPSYNC_JS engine (js/). */
export interface Engine {
  /** In this thread (tests) or in a worker (the app: js/worker-pool.ts). */
  runHandler(compiled: CompiledCode, name: HandlerName, ctx: ContextInput): HandlerOutcome | Promise<HandlerOutcome>;
  /**
   * Optional: runs `name` with `ctx`, then each of `next` while the one before it returned plainly (no
   * early return, util.error or error), each with `base` as ctx except that `stash` is the previous
   * handler's output stash and `prev.result` (and, withResult, `result`) its value — exactly the ctx
   * this file would build for it. Resolves with the outcomes of the handlers that ran, in order; with
   * `failure` when the engine failed on one after the first (as runHandler would have rejected).
   */
  runChain?(
    compiled: CompiledCode,
    name: HandlerName,
    ctx: ContextInput,
    next: ChainedHandler[],
    base: ContextInput,
  ): Promise<HandlerOutcome[] & { failure?: Error }>;
}

export interface CompiledStep {
  name: string;
  code: CompiledCode;
  dataSource: DataSource;
}

export type CompiledResolver =
  | { kind: 'UNIT'; id: string; code: CompiledCode; dataSource: DataSource }
  | { kind: 'PIPELINE'; id: string; code: CompiledCode; functions: CompiledStep[] };

/** Everything one run produced besides the field value. */
export interface RunOutput {
  value: unknown;
  invalidations: InvalidationRequest[];
  subscriptionFilter: SubscriptionFilter | null;
  invalidationFilter: SubscriptionFilter | null;
}

type Ctx = Omit<ContextInput, 'stash'>;

class Run {
  readonly invalidations: InvalidationRequest[] = [];
  subscriptionFilter: SubscriptionFilter | null = null;
  invalidationFilter: SubscriptionFilter | null = null;
  stash: Record<string, unknown> = {};

  constructor(
    private readonly engine: Engine,
    private readonly base: Ctx,
    /** util.appendError entries go straight to the request (they survive a later util.error). */
    private readonly onAppend: (errors: RaisedError[]) => void,
  ) {}

  /** Runs a handler; raises the field's failure if the code raised or broke. */
  async handler(code: CompiledCode, name: HandlerName, extra: Partial<ContextInput>): Promise<HandlerOutcome> {
    const ctx: ContextInput = { ...this.base, ...extra, stash: this.stash };
    return this.apply(await this.engine.runHandler(code, name, ctx));
  }

  /**
   * Runs a handler and, when it returns plainly, `next` right after it (its stash, and its value as
   * prev.result) in the same engine call if the engine can; otherwise just the handler. Returns the
   * handler's outcome and the next one's if it ran; each outcome is applied in order, as handler() does.
   */
  async handlerThen(code: CompiledCode, name: HandlerName, extra: Partial<ContextInput>, next: ChainedHandler): Promise<[HandlerOutcome, HandlerOutcome?]> {
    if (!this.engine.runChain) return [await this.handler(code, name, extra)];
    const ctx: ContextInput = { ...this.base, ...extra, stash: this.stash };
    const outcomes = await this.engine.runChain(code, name, ctx, [next], { ...this.base, stash: this.stash });
    const first = this.apply(outcomes[0]!);
    const second = outcomes[1] ? this.apply(outcomes[1]) : undefined;
    if (outcomes.failure) throw outcomes.failure;
    return second ? [first, second] : [first];
  }

  /** Takes a handler's outcome into the run; raises the field's failure if the code raised or broke. */
  private apply(outcome: HandlerOutcome): HandlerOutcome {
    // The engine may hand back a copy of the stash it ran with: keep that one from now on.
    const returnedStash = (outcome as HandlerOutcome & { stash?: Record<string, unknown> }).stash;
    if (returnedStash && typeof returnedStash === 'object') this.stash = returnedStash;
    if (outcome.appendedErrors.length > 0) this.onAppend(outcome.appendedErrors);
    this.invalidations.push(...outcome.invalidations);
    if (outcome.subscriptionFilter) this.subscriptionFilter = outcome.subscriptionFilter;
    if (outcome.invalidationFilter) this.invalidationFilter = outcome.invalidationFilter;
    if (outcome.codeError) throw new FieldFailure(outcome.codeError.message, outcome.codeError.errorType);
    if (outcome.raised) {
      const r = outcome.raised;
      throw new FieldFailure(r.message, r.type, r.data ?? null, r.errorInfo ?? null);
    }
    return outcome;
  }

  async dataSource(ds: DataSource, request: unknown, resolverId: string, extra: Partial<ContextInput>) {
    const ctx: ContextInput = { ...this.base, ...extra, stash: this.stash };
    try {
      const { result, error } = await ds.invoke({ request, resolverId, ctx });
      return { result, error: error ?? null };
    } catch (err) {
      // A data source should report failures as `error`; if one throws, the field still gets an
      // AppSync-shaped error rather than a crash — and no internals (they go to the log).
      console.error('[appsync] data source threw:', err);
      return { result: null, error: internalFailure() };
    }
  }

  output(value: unknown): RunOutput {
    return {
      value,
      invalidations: this.invalidations,
      subscriptionFilter: this.subscriptionFilter,
      invalidationFilter: this.invalidationFilter,
    };
  }
}

async function runUnit(run: Run, r: Extract<CompiledResolver, { kind: 'UNIT' }>): Promise<RunOutput> {
  const req = await run.handler(r.code, 'request', {});
  // Unit resolver: earlyReturn in the request skips the data source and the response handler.
  if (req.earlyReturn) return run.output(req.earlyReturn.value);
  const { result, error } = await run.dataSource(r.dataSource, req.value, r.id, {});
  const res = await run.handler(r.code, 'response', { result, error });
  return run.output(res.earlyReturn ? res.earlyReturn.value : res.value);
}

async function runPipeline(run: Run, r: Extract<CompiledResolver, { kind: 'PIPELINE' }>): Promise<RunOutput> {
  // What runs after the pipeline's request handler or function `index`'s response handler when it
  // returns plainly: the next function's request handler, or the pipeline's response handler.
  const after = (index: number): ChainedHandler => {
    const step = r.functions[index + 1];
    return step ? { code: step.code, name: 'request', withResult: false } : { code: r.code, name: 'response', withResult: true };
  };
  // The outcome of the handler that comes next, when it already ran with the one before it.
  let ran: HandlerOutcome | undefined;
  const [before, firstNext] = await run.handlerThen(r.code, 'request', {}, after(-1));
  ran = firstNext;
  let prev: unknown = before.earlyReturn ? before.earlyReturn.value : before.value;
  // earlyReturn in the pipeline's own request handler skips every function.
  if (!before.earlyReturn) {
    for (const [index, step] of r.functions.entries()) {
      const req = ran ?? (await run.handler(step.code, 'request', { prev: { result: prev } }));
      ran = undefined;
      if (req.earlyReturn) {
        prev = req.earlyReturn.value;
        if (req.earlyReturn.skipTo === 'END') break;
        continue; // NEXT (the default): skip this function's data source and response
      }
      const { result, error } = await run.dataSource(step.dataSource, req.value, `${r.id}#${index}:${step.name}`, {
        prev: { result: prev },
      });
      const [res, resNext] = await run.handlerThen(step.code, 'response', { prev: { result: prev }, result, error }, after(index));
      ran = resNext;
      prev = res.earlyReturn ? res.earlyReturn.value : res.value;
      if (res.earlyReturn?.skipTo === 'END') break;
    }
  }
  const last = ran ?? (await run.handler(r.code, 'response', { prev: { result: prev }, result: prev }));
  return run.output(last.earlyReturn ? last.earlyReturn.value : last.value);
}

/** Runs `resolver` with `base` as ctx (stash starts empty); throws FieldFailure when the field fails. */
export function runResolver(
  engine: Engine,
  resolver: CompiledResolver,
  base: Ctx,
  onAppend: (errors: RaisedError[]) => void,
): Promise<RunOutput> {
  // The run never mutates what it hands the handlers (they get copies), so the engine may serialise
  // each object once per run (js/run.ts CONTEXT_JSON_CACHE).
  const cache: ContextJsonCache = new WeakMap();
  const run = new Run(engine, { ...base, [CONTEXT_JSON_CACHE]: cache } as Ctx, onAppend);
  return resolver.kind === 'UNIT' ? runUnit(run, resolver) : runPipeline(run, resolver);
}
