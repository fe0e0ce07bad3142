/**
 * runHandler: one synchronous call of a compiled handler in its sandbox, reported as a HandlerOutcome.
 * ctx goes in as JSON (so it is rebuilt with the sandbox's prototypes) and values come back as JSON
 * (plain data, the way AppSync serialises a handler's evaluated output).
 */
import type { ContextInput, HandlerName, HandlerOutcome } from '../types.ts';
import type { CompiledCode } from './compile.ts';

/** AppSync's quota on a handler's evaluated output (APPSYNC.md §9). */
export const MAX_OUTPUT_BYTES = 5 * 1024 * 1024;
/** AppSync's request time limit; the executor may pass what remains of it instead. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RunOptions {
  timeoutMs?: number;
}

function contextJson(ctx: ContextInput): string {
  const { selectionSetList: _l, selectionSetGraphQL: _g, ...info } = ctx.info ?? ({} as ContextInput['info']);
  return JSON.stringify({
    arguments: ctx.arguments ?? {},
    source: ctx.source ?? null,
    identity: ctx.identity ?? null,
    stash: ctx.stash ?? {},
    prev: ctx.prev,
    result: ctx.result,
    error: ctx.error ?? undefined,
    info,
    request: ctx.request,
    env: ctx.env ?? {},
  });
}

function parseOutput(json: string | undefined): unknown {
  return json === undefined ? undefined : JSON.parse(json);
}

export function runHandler(compiled: CompiledCode, name: HandlerName, ctx: ContextInput, opts: RunOptions = {}): HandlerOutcome {
  const { sandbox } = compiled;
  const invocation = sandbox.begin({
    fileName: compiled.fileName,
    fieldName: ctx.info?.fieldName ?? '',
    parentTypeName: ctx.info?.parentTypeName ?? '',
    identity: ctx.identity ?? null,
    authMode: ctx.authMode,
  });
  let status: (string | undefined)[];
  try {
    const selection = ctx.info?.selectionSetList;
    status = sandbox.run(
      compiled.factory,
      name,
      contextJson(ctx),
      selection === undefined ? undefined : JSON.stringify(selection),
      ctx.info?.selectionSetGraphQL,
      Date.now() + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    );
  } finally {
    sandbox.end();
  }

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
  outcome.stash = stashJson === undefined ? ctx.stash : (parseOutput(stashJson) as Record<string, unknown>);

  switch (status[0]) {
    case 'ok': {
      const json = status[1];
      if (json !== undefined && Buffer.byteLength(json) > MAX_OUTPUT_BYTES) {
        outcome.codeError = {
          errorType: 'RuntimeError',
          message: `The evaluated output of ${name} exceeds the 5 MB limit (${Buffer.byteLength(json)} bytes)`,
        };
      } else {
        outcome.value = parseOutput(json);
      }
      break;
    }
    case 'abort':
      if (invocation.raised) outcome.raised = invocation.raised;
      else if (invocation.earlyReturn) outcome.earlyReturn = invocation.earlyReturn;
      break;
    case 'timeout':
      outcome.codeError = { errorType: 'ExecutionTimeout', message: `Execution timed out: ${name} ran longer than ${opts.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms` };
      break;
    default: {
      const [, errName, message, stack] = status;
      const at = compiled.locateStack(stack);
      outcome.codeError = {
        errorType: errName ?? 'Error',
        message: message ?? 'Unknown error',
        ...(at ? { location: { line: at.line, column: at.column, span: 0 } } : {}),
      };
    }
  }
  return outcome;
}
