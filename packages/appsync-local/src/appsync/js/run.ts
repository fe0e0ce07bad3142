/**
 * runHandler: one synchronous call of a compiled handler in its sandbox, reported as a HandlerOutcome.
 * It is three steps so that the middle one can run in another thread (worker-pool.ts): prepareCall
 * (ctx to JSON, here), executeCall (the sandbox, there), finishCall (the outcome, here).
 * ctx goes in as JSON (so it is rebuilt with the sandbox's prototypes) and values come back as JSON
 * (plain data, the way AppSync serialises a handler's evaluated output).
 */
import type { ContextInput, HandlerName, HandlerOutcome } from '../types.ts';
import type { CompiledCode, SourceLocation } from './compile.ts';
import { newInvocation, type Invocation, type InvocationInit } from './invocation.ts';

/** What a call recorded, without what it was started with (the caller has that): all that crosses back. */
export type InvocationRecord = Omit<Invocation, keyof InvocationInit>;

function recordOf(invocation: Invocation): InvocationRecord {
  const { fileName: _f, fieldName: _n, parentTypeName: _p, identity: _i, authMode: _a, ...record } = invocation;
  return record;
}

/** AppSync's quota on a handler's evaluated output (docs/local-runtime.md, "The APPSYNC_JS language and sandbox"). */
export const MAX_OUTPUT_BYTES = 5 * 1024 * 1024;
/** AppSync's request time limit; the executor may pass what remains of it instead. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RunOptions {
  timeoutMs?: number;
}

/**
 * A caller that runs several handlers over the same objects (a resolver run: the executor's identity,
 * request, arguments, info; each handler's output becoming the next one's stash and prev) may put a
 * WeakMap under this key of ctx: the JSON of those objects is then made once per run instead of once
 * per handler, and the JSON a handler's output came from is remembered for its parsed value. The
 * caller promises not to mutate any object reachable from ctx while the map is alive (the sandbox only
 * ever sees copies, so handlers cannot).
 */
export const CONTEXT_JSON_CACHE: unique symbol = Symbol('taskwire.appsync.contextJsonCache');
export type ContextJsonCache = WeakMap<object, string>;

function toJson(value: unknown, cache: ContextJsonCache | undefined): string | undefined {
  if (cache === undefined || value === null || typeof value !== 'object') return JSON.stringify(value);
  let json = cache.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    if (json !== undefined) cache.set(value, json);
  }
  return json;
}

/** `info` without the selection set (the sandbox gets those separately, as non-enumerable properties). */
function infoJson(info: ContextInput['info'] | undefined, cache: ContextJsonCache | undefined): string {
  const cached = info ? cache?.get(info) : undefined;
  if (cached !== undefined) return cached;
  const { selectionSetList: _l, selectionSetGraphQL: _g, ...rest } = info ?? ({} as ContextInput['info']);
  const json = JSON.stringify(rest);
  if (info && cache) cache.set(info, json);
  return json;
}

/**
 * ctx as JSON, exactly as JSON.stringify would write
 *   { arguments, source, identity, stash, prev, result, error, info, request, env }
 * (same keys, same order, undefined members left out), built from per-member JSON so that members
 * already serialised in this run are not serialised again.
 */
function contextJson(ctx: ContextInput): string {
  const cache = (ctx as { [CONTEXT_JSON_CACHE]?: ContextJsonCache })[CONTEXT_JSON_CACHE];
  let out = '{' + member('arguments', ctx.arguments ?? {}, cache, true);
  out += member('source', ctx.source ?? null, cache);
  out += member('identity', ctx.identity ?? null, cache);
  out += member('stash', ctx.stash ?? {}, cache);
  const prev = ctx.prev;
  if (prev !== null && typeof prev === 'object' && Object.getPrototypeOf(prev) === Object.prototype &&
      Object.keys(prev).length === 1 && Object.hasOwn(prev, 'result')) {
    // The executor's { result } wrapper: only its content is worth remembering.
    const result = prev.result === undefined ? undefined : toJson(prev.result, cache);
    out += ',"prev":' + (result === undefined ? '{}' : '{"result":' + result + '}');
  } else {
    out += member('prev', prev, cache);
  }
  out += member('result', ctx.result, cache);
  out += member('error', ctx.error ?? undefined, cache);
  out += ',"info":' + infoJson(ctx.info, cache);
  out += member('request', ctx.request, cache);
  out += member('env', ctx.env ?? {}, cache);
  return out + '}';
}

/** `"name":json` (with a leading comma unless first), or nothing when the value has no JSON. */
function member(name: string, value: unknown, cache: ContextJsonCache | undefined, first = false): string {
  const json = value === undefined ? undefined : toJson(value, cache);
  return json === undefined ? '' : (first ? '"' : ',"') + name + '":' + json;
}

function parseOutput(json: string | undefined, cache?: ContextJsonCache): unknown {
  if (json === undefined) return undefined;
  const value: unknown = JSON.parse(json);
  if (cache && value !== null && typeof value === 'object') cache.set(value, json);
  return value;
}

/** What one handler call needs, as plain data (it crosses to the engine's worker as it is). */
export interface HandlerCall {
  fileName: string;
  name: HandlerName;
  ctxJson: string;
  selectionSetList: string | undefined;
  selectionSetGraphQL: string | undefined;
  invocation: InvocationInit;
  timeoutMs: number;
}

/** What a handler call produced, as plain data: the sandbox's status and what the code recorded. */
export interface HandlerRaw {
  /** ['ok', value JSON, stash JSON] | ['abort', …, stash] | ['timeout', …] | ['error', name, message, stack, stash] | ['memory'] */
  status: (string | undefined)[];
  /** Where an 'error' happened in the developer's code. */
  at?: SourceLocation;
  invocation: InvocationRecord;
}

export function prepareCall(fileName: string, name: HandlerName, ctx: ContextInput, opts: RunOptions = {}): HandlerCall {
  return { ...callWithoutContext(fileName, name, ctx, opts), ctxJson: contextJson(ctx) };
}

function callWithoutContext(fileName: string, name: HandlerName, ctx: ContextInput, opts: RunOptions): Omit<HandlerCall, 'ctxJson'> {
  const cache = (ctx as { [CONTEXT_JSON_CACHE]?: ContextJsonCache })[CONTEXT_JSON_CACHE];
  const selection = ctx.info?.selectionSetList;
  return {
    fileName,
    name,
    selectionSetList: selection === undefined ? undefined : toJson(selection, cache),
    selectionSetGraphQL: ctx.info?.selectionSetGraphQL,
    invocation: {
      fileName,
      fieldName: ctx.info?.fieldName ?? '',
      parentTypeName: ctx.info?.parentTypeName ?? '',
      identity: ctx.identity ?? null,
      authMode: ctx.authMode,
    },
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

/**
 * A call that follows another one in a chain (worker-pool.ts runChain): its ctx is the run's base ctx
 * with the previous call's output stash as `stash`, its value as `prev.result` and, withResult, as
 * `result` (how resolve.ts builds the next handler's ctx). Everything else is prepared here; the worker
 * splices in the previous call's stash and value JSON (chainedContextJson), which are exactly the strings
 * contextJson would write for them here (finishCall remembers the JSON a value was parsed from).
 */
export interface ChainedCall extends Omit<HandlerCall, 'ctxJson'> {
  /** ctx JSON up to the stash: `{"arguments":…,"source":…,"identity":…` */
  ctxHead: string;
  /** ctx JSON after prev (and result, withResult): `,"error":…,"info":…,"request":…,"env":…}` */
  ctxTail: string;
  withResult: boolean;
}

export function prepareChainedCall(fileName: string, name: HandlerName, base: ContextInput, withResult: boolean, opts: RunOptions = {}): ChainedCall {
  return prepareChainedCalls([{ fileName, name, withResult }], base, opts)[0]!;
}

/**
 * prepareChainedCall for each of `handlers`, with what they share made once: one ctxHead for all, one
 * ctxTail per withResult. The calls hold the same strings, so none is built twice and packing
 * (chain-wire.ts) compares a string with itself, which V8 answers without reading its text.
 */
export function prepareChainedCalls(
  handlers: readonly { fileName: string; name: HandlerName; withResult: boolean }[],
  base: ContextInput,
  opts: RunOptions = {},
): ChainedCall[] {
  const cache = (base as { [CONTEXT_JSON_CACHE]?: ContextJsonCache })[CONTEXT_JSON_CACHE];
  const ctxHead = '{' + member('arguments', base.arguments ?? {}, cache, true) + member('source', base.source ?? null, cache) +
    member('identity', base.identity ?? null, cache);
  // error, info, request and env: the same after either kind of call.
  let common: string | undefined;
  const tails = new Map<boolean, string>();
  const tailOf = (withResult: boolean): string => {
    let tail = tails.get(withResult);
    if (tail === undefined) {
      common ??= member('error', base.error ?? undefined, cache) + ',"info":' + infoJson(base.info, cache) + member('request', base.request, cache) +
        member('env', base.env ?? {}, cache) + '}';
      tail = (withResult ? '' : member('result', base.result, cache)) + common;
      tails.set(withResult, tail);
    }
    return tail;
  };
  return handlers.map((h) => ({ ...callWithoutContext(h.fileName, h.name, base, opts), ctxHead, ctxTail: tailOf(h.withResult), withResult: h.withResult }));
}

/** How a call of a chain ended, for the chain to go on: a plain return or an early return (with skipTo). */
export type ChainExit = 'ok' | 'NEXT' | 'END';

/**
 * How `raw` ended, with its value's JSON (what the next handler gets as prev.result) and its stash JSON,
 * when a chain may go on after it: a plain return within the output limit, or an early return (not
 * util.error); with its stash. Otherwise undefined.
 */
export function chainExit(raw: HandlerRaw): { exit: ChainExit; value: string | undefined; stash: string } | undefined {
  const { status, invocation } = raw;
  const stash = status[status.length - 1];
  if (stash === undefined) return undefined;
  if (status[0] === 'ok') {
    const json = status[1];
    if (json !== undefined && json.length * 3 > MAX_OUTPUT_BYTES && Buffer.byteLength(json) > MAX_OUTPUT_BYTES) return undefined;
    return { exit: 'ok', value: json, stash };
  }
  if (status[0] === 'abort' && !invocation.raised && invocation.earlyReturn) {
    // The JSON finishCall's caller would write for the value, which reaches it as JSON too.
    let value: string | undefined;
    try {
      value = JSON.stringify(invocation.earlyReturn.value);
    } catch {
      return undefined;
    }
    return { exit: invocation.earlyReturn.skipTo, value, stash };
  }
  return undefined;
}

/** The HandlerCall of a chained call, given the value and stash JSON of the call before it (chainExit). */
export function chainedCall(call: ChainedCall, value: string | undefined, stash: string): HandlerCall {
  const { ctxHead, ctxTail, withResult, ...rest } = call;
  const ctxJson = ctxHead + ',"stash":' + stash + ',"prev":' + (value === undefined ? '{}' : '{"result":' + value + '}') +
    (withResult && value !== undefined ? ',"result":' + value : '') + ctxTail;
  return { ...rest, ctxJson };
}

/** Runs a prepared call in this thread (the worker does this for the runtime's requests). */
export function executeCall(compiled: CompiledCode, call: HandlerCall): HandlerRaw {
  const { sandbox } = compiled;
  const invocation = sandbox.begin(call.invocation);
  let status: (string | undefined)[];
  try {
    status = sandbox.run(compiled.factory, call.name, call.ctxJson, call.selectionSetList, call.selectionSetGraphQL, Date.now() + call.timeoutMs);
  } finally {
    sandbox.end();
  }
  const at = status[0] === 'error' ? compiled.locateStack(status[3]) : undefined;
  return at ? { status, at, invocation: recordOf(invocation) } : { status, invocation: recordOf(invocation) };
}

/** A call whose worker was stopped (it outran its time or memory): nothing it recorded survives. */
export function stoppedCall(call: Omit<HandlerCall, 'ctxJson'>, reason: 'timeout' | 'memory'): HandlerRaw {
  return { status: [reason, undefined], invocation: recordOf(newInvocation(call.invocation)) };
}

/** The limit a handler's worker was stopped at (AWS states none; docs/local-runtime.md, "Resolver code is bounded in time and memory"). */
export const RESOURCE_ERRORS = {
  timeout: (name: string, ms: number) => ({ errorType: 'ExecutionTimeout', message: `Execution timed out: ${name} ran longer than ${ms} ms` }),
  // ⚠ AWS documents no wording for resolver code that runs out of memory; this runtime's choice.
  memory: (name: string) => ({ errorType: 'RuntimeError', message: `Out of memory: ${name} used more memory than the APPSYNC_JS runtime allows` }),
};

export function finishCall(raw: HandlerRaw, call: Omit<HandlerCall, 'ctxJson'>, ctx: ContextInput): HandlerOutcome {
  const cache = (ctx as { [CONTEXT_JSON_CACHE]?: ContextJsonCache })[CONTEXT_JSON_CACHE];
  const { status, invocation } = raw;
  const name = call.name;
  const outcome: HandlerOutcome = {
    appendedErrors: invocation.appendedErrors,
    logs: invocation.logs,
    invalidations: invocation.invalidations,
    responseHeaders: invocation.responseHeaders,
    cacheEvictions: invocation.cacheEvictions,
  };
  if (invocation.subscriptionFilter) outcome.subscriptionFilter = invocation.subscriptionFilter;
  if (invocation.invalidationFilter) outcome.invalidationFilter = invocation.invalidationFilter;
  const stashJson = status[status.length - 1];
  outcome.stash = stashJson === undefined ? ctx.stash : (parseOutput(stashJson, cache) as Record<string, unknown>);

  switch (status[0]) {
    case 'ok': {
      const json = status[1];
      if (json !== undefined && Buffer.byteLength(json) > MAX_OUTPUT_BYTES) {
        outcome.codeError = {
          errorType: 'RuntimeError',
          message: `The evaluated output of ${name} exceeds the 5 MB limit (${Buffer.byteLength(json)} bytes)`,
        };
      } else {
        outcome.value = parseOutput(json, cache);
      }
      break;
    }
    case 'abort':
      if (invocation.raised) outcome.raised = invocation.raised;
      else if (invocation.earlyReturn) outcome.earlyReturn = invocation.earlyReturn;
      break;
    case 'timeout':
      outcome.codeError = RESOURCE_ERRORS.timeout(name, call.timeoutMs);
      break;
    case 'memory':
      outcome.codeError = RESOURCE_ERRORS.memory(name);
      break;
    default: {
      const [, errName, message] = status;
      const at = raw.at;
      outcome.codeError = {
        errorType: errName ?? 'Error',
        message: message ?? 'Unknown error',
        ...(at ? { location: { line: at.line, column: at.column, span: 0 } } : {}),
      };
    }
  }
  return outcome;
}

export function runHandler(compiled: CompiledCode, name: HandlerName, ctx: ContextInput, opts: RunOptions = {}): HandlerOutcome {
  const call = prepareCall(compiled.fileName, name, ctx, opts);
  return finishCall(executeCall(compiled, call), call, ctx);
}
