/**
 * AppSync's EvaluateCode API (APIReference API_EvaluateCode): run one handler of some code against a
 * context given as a JSON string, answered in the API's response shape:
 *   { evaluationResult?: string (JSON), error?: { message, codeErrors?: [{ errorType, value, location }] },
 *     logs: string[], stash?: string (JSON), outErrors?: string (JSON list) }
 */
import type { ContextInput } from '../types.ts';
import { compileResolverCode } from './compile.ts';
import { AppSyncJsValidationError } from './errors.ts';
import { RESOURCE_ERRORS, runHandler, type RunOptions } from './run.ts';
import type { HandlerOutcome } from '../types.ts';

export interface EvaluateCodeInput {
  code: string;
  context: string;
  function: 'request' | 'response';
  runtime?: { name: string; runtimeVersion: string };
}

export interface CodeError {
  errorType: string;
  value: string;
  location: { line: number; column: number; span: number };
}

export interface EvaluateCodeResponse {
  evaluationResult?: string;
  error?: { message: string; codeErrors?: CodeError[] };
  logs: string[];
  stash?: string;
  outErrors?: string;
}

/** EvaluateCode answers bad input with a BadRequestException (an HTTP 400), not a response body. */
export class BadRequestException extends Error {
  readonly name = 'BadRequestException';
}

export function evaluateCode(input: EvaluateCodeInput, opts: RunOptions = {}): EvaluateCodeResponse {
  const runtime = input.runtime ?? { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };
  if (runtime.name !== 'APPSYNC_JS' || runtime.runtimeVersion !== '1.0.0') {
    throw new BadRequestException('Only the APPSYNC_JS runtime, version 1.0.0, is supported.');
  }
  if (input.function !== 'request' && input.function !== 'response') {
    throw new BadRequestException('function must be request or response.');
  }
  if (typeof input.code !== 'string' || !input.code) throw new BadRequestException('code is required.');
  let parsed: Partial<ContextInput>;
  try {
    parsed = JSON.parse(input.context) as Partial<ContextInput>;
  } catch {
    throw new BadRequestException('context is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BadRequestException('context must be a JSON object.');

  let compiled;
  try {
    compiled = compileResolverCode(input.code, { fileName: 'code.js' });
  } catch (err) {
    if (!(err instanceof AppSyncJsValidationError)) throw err;
    return {
      error: {
        message: err.message,
        codeErrors: [{ errorType: 'PARSER_ERROR', value: err.message, location: { line: err.line, column: err.column, span: 1 } }],
      },
      logs: [],
    };
  }

  const ctx: ContextInput = {
    arguments: parsed.arguments ?? {},
    source: parsed.source ?? null,
    identity: parsed.identity ?? null,
    stash: parsed.stash ?? {},
    prev: parsed.prev,
    result: parsed.result,
    error: parsed.error ?? null,
    info: {
      fieldName: parsed.info?.fieldName ?? '',
      parentTypeName: parsed.info?.parentTypeName ?? '',
      variables: parsed.info?.variables ?? {},
      selectionSetList: parsed.info?.selectionSetList ?? [],
      selectionSetGraphQL: parsed.info?.selectionSetGraphQL ?? '',
    },
    request: parsed.request ?? { headers: {}, domainName: null },
    env: parsed.env ?? {},
  };
  return toResponse(runHandler(compiled, input.function, ctx, opts));
}

/** EvaluateCode's answer when the evaluation's worker was stopped (out of time or memory). */
export function stoppedEvaluation(input: Pick<EvaluateCodeInput, 'function'>, reason: 'timeout' | 'memory', timeoutMs: number): EvaluateCodeResponse {
  const codeError = reason === 'timeout' ? RESOURCE_ERRORS.timeout(input.function, timeoutMs) : RESOURCE_ERRORS.memory(input.function);
  return toResponse({ codeError, appendedErrors: [], logs: [], invalidations: [], responseHeaders: {}, cacheEvictions: [] });
}

function toResponse(outcome: HandlerOutcome): EvaluateCodeResponse {
  const response: EvaluateCodeResponse = {
    logs: outcome.logs,
    stash: JSON.stringify(outcome.stash ?? {}),
    outErrors: JSON.stringify(outcome.appendedErrors.map((e) => ({ message: e.message, errorType: e.type, data: e.data, errorInfo: e.errorInfo }))),
  };
  if (outcome.codeError) {
    const { errorType, message, location } = outcome.codeError;
    response.error = {
      message: `${errorType}: ${message}`,
      codeErrors: [{ errorType: 'RUNTIME_ERROR', value: `${errorType}: ${message}`, location: location ?? { line: 0, column: 0, span: 0 } }],
    };
  } else if (outcome.raised) {
    response.error = { message: outcome.raised.message };
  } else if (outcome.earlyReturn) {
    response.evaluationResult = JSON.stringify(outcome.earlyReturn.value ?? null);
  } else {
    response.evaluationResult = outcome.value === undefined ? undefined : JSON.stringify(outcome.value);
  }
  return response;
}
