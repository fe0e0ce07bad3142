/**
 * Runs one resolver (unit or pipeline) for one field (docs/local-runtime.md, "How a resolver runs"):
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
import { FieldFailure } from './field-failure.ts';
import { CONTEXT_JSON_CACHE, type ContextJsonCache } from '../js/run.ts';

/** The compiled form of a resolver's code; opaque here (js/ owns it). */
export type CompiledCode = unknown;

/** What the executor needs from the APPSYNC_JS engine (js/): one handler call, in this process. */
export interface Engine {
  runHandler(compiled: CompiledCode, name: HandlerName, ctx: ContextInput): HandlerOutcome | Promise<HandlerOutcome>;
}

/**
 * How the executor runs a resolver: `runResolver` below with an engine, here (tests), or a whole run in
 * a worker (the app: js/worker-pool.ts, which calls runResolver there).
 */
export type ResolverRunner = (resolver: CompiledResolver, base: Omit<ContextInput, 'stash'>, onAppend: (errors: RaisedError[]) => void) => Promise<RunOutput>;

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
  // Any earlyReturn in the pipeline's request skips to its response; a function's request: see the loop.
  const before = await run.handler(r.code, 'request', {});
  let prev: unknown = before.earlyReturn ? before.earlyReturn.value : before.value;
  // earlyReturn in the pipeline's own request handler skips every function.
  if (!before.earlyReturn) {
    for (const [index, step] of r.functions.entries()) {
      const req = await run.handler(step.code, 'request', { prev: { result: prev } });
      if (req.earlyReturn) {
        prev = req.earlyReturn.value;
        if (req.earlyReturn.skipTo === 'END') break;
        continue; // NEXT (the default): skip this function's data source and response
      }
      const { result, error } = await run.dataSource(step.dataSource, req.value, `${r.id}#${index}:${step.name}`, {
        prev: { result: prev },
      });
      const res = await run.handler(step.code, 'response', { prev: { result: prev }, result, error });
      prev = res.earlyReturn ? res.earlyReturn.value : res.value;
      if (res.earlyReturn?.skipTo === 'END') break;
    }
  }
  const after = await run.handler(r.code, 'response', { prev: { result: prev }, result: prev });
  return run.output(after.earlyReturn ? after.earlyReturn.value : after.value);
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
