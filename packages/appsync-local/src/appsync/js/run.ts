/**
 * runHandler: one synchronous call of a compiled handler in its sandbox, reported as a HandlerOutcome,
 * in three steps: prepareCall (ctx to JSON), executeCall (the sandbox), finishCall (the outcome).
 * ctx goes in as JSON (so it is rebuilt with the sandbox's prototypes) and values come back as JSON
 * (plain data, the way AppSync serialises a handler's evaluated output). The runtime calls it in its
 * resolver workers (worker.ts), where whole resolver runs happen.
 */
import type { ContextInput, HandlerName, HandlerOutcome } from '../types.ts';
import type { CompiledCode, SourceLocation } from './compile.ts';
import type { Invocation, InvocationInit } from './invocation.ts';

/** What a call recorded, without what it was started with (the caller has that). */
type InvocationRecord = Omit<Invocation, keyof InvocationInit>;

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

/** What one handler call needs, as plain data. */
interface HandlerCall {
  fileName: string;
  name: HandlerName;
  ctxJson: string;
  selectionSetList: string | undefined;
  selectionSetGraphQL: string | undefined;
  invocation: InvocationInit;
  timeoutMs: number;
}

/** What a handler call produced, as plain data: the sandbox's status and what the code recorded. */
interface HandlerRaw {
  /** ['ok', value JSON, stash JSON] | ['abort', …, stash] | ['timeout', …] | ['error', name, message, stack, stash] | ['memory'] */
  status: (string | undefined)[];
  /** Where an 'error' happened in the developer's code. */
  at?: SourceLocation;
  invocation: InvocationRecord;
}

function prepareCall(fileName: string, name: HandlerName, ctx: ContextInput, opts: RunOptions = {}): HandlerCall {
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

/** Runs a prepared call in this thread. */
function executeCall(compiled: CompiledCode, call: HandlerCall): HandlerRaw {
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

/** The limit a handler's worker was stopped at (AWS states none; docs/local-runtime.md, "Resolver code is bounded in time and memory"). */
export const RESOURCE_ERRORS = {
  timeout: (name: string, ms: number) => ({ errorType: 'ExecutionTimeout', message: `Execution timed out: ${name} ran longer than ${ms} ms` }),
  // ⚠ AWS documents no wording for resolver code that runs out of memory; this runtime's choice.
  memory: (name: string) => ({ errorType: 'RuntimeError', message: `Out of memory: ${name} used more memory than the APPSYNC_JS runtime allows` }),
};

function finishCall(raw: HandlerRaw, call: Omit<HandlerCall, 'ctxJson'>, ctx: ContextInput): HandlerOutcome {
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
