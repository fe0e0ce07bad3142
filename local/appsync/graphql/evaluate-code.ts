/**
 * AppSync's EvaluateCode API (`POST /v1/dataplane-evaluatecode`, AppSync API reference) over HTTP, so
 * `@aws-sdk/client-appsync`'s EvaluateCodeCommand works against the local runtime unchanged. The
 * engine (js/) does the evaluation and returns the API's response shape; this module checks the
 * request as the API documents it and words refusals as the SDK expects them (restJson1: the error
 * name in `x-amzn-ErrorType`, `{message}` in the body).
 *
 * Credentials: the SDK signs with SigV4; locally any signature is accepted (the endpoint evaluates code
 * against a caller-supplied context and reads no data).
 */
import type { HttpRequest, HttpResponse } from './http.ts';
import { jsonResponse } from './http.ts';

export interface EvaluateCodeInput {
  code: string;
  context: string;
  function?: 'request' | 'response';
}

/** The API's response shape (js/ produces it). */
export interface EvaluateCodeOutput {
  evaluationResult?: string;
  error?: { message: string; codeErrors?: { errorType: string; value: string; location?: { line: number; column: number; span: number } }[] };
  logs?: string[];
  stash?: string;
  outErrors?: string;
}

export type EvaluateCode = (input: EvaluateCodeInput) => EvaluateCodeOutput | Promise<EvaluateCodeOutput>;

const CODE_MAX = 32_768;
const CONTEXT_MIN = 2;
const CONTEXT_MAX = 28_000;

function badRequest(message: string): HttpResponse {
  return jsonResponse(400, { message }, { 'x-amzn-errortype': 'BadRequestException' });
}

/** Checks the request body against the API reference's constraints; returns the input or a refusal. */
export function readEvaluateCodeInput(body: string): EvaluateCodeInput | HttpResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return badRequest('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return badRequest('The request body must be a JSON object.');
  const { code, context, runtime, function: fn } = parsed as Record<string, unknown>;
  const rt = runtime as { name?: unknown; runtimeVersion?: unknown } | undefined;
  if (!rt || typeof rt !== 'object') return badRequest('runtime is required.');
  if (rt.name !== 'APPSYNC_JS') return badRequest("runtime.name must be 'APPSYNC_JS'.");
  if (rt.runtimeVersion !== '1.0.0') return badRequest("runtime.runtimeVersion must be '1.0.0'.");
  if (typeof code !== 'string' || code.length < 1 || code.length > CODE_MAX) {
    return badRequest(`code is required and must be 1 to ${CODE_MAX} characters long.`);
  }
  if (typeof context !== 'string' || context.length < CONTEXT_MIN || context.length > CONTEXT_MAX) {
    return badRequest(`context is required and must be ${CONTEXT_MIN} to ${CONTEXT_MAX} characters long.`);
  }
  if (fn !== undefined && fn !== 'request' && fn !== 'response') return badRequest("function must be 'request' or 'response'.");
  return { code, context, ...(fn ? { function: fn } : {}) };
}

export async function handleEvaluateCodeRequest(req: HttpRequest, evaluate: EvaluateCode): Promise<HttpResponse> {
  if (req.method !== 'POST') return jsonResponse(405, { message: `${req.method} is not supported: EvaluateCode is a POST.` }, { allow: 'POST' });
  const input = readEvaluateCodeInput(req.body);
  if ('statusCode' in input) return input;
  return jsonResponse(200, await evaluate(input));
}
