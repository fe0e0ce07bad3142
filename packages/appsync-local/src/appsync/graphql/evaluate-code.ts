/**
 * AppSync's EvaluateCode API (`POST /v1/dataplane-evaluatecode`, AppSync API reference) over HTTP, so
 * `@aws-sdk/client-appsync`'s EvaluateCodeCommand works against the local runtime unchanged. The
 * engine (js/) does the evaluation and returns the API's response shape; this module checks the
 * request as the API documents it and words refusals as the SDK expects them (restJson1: the error
 * name in `x-amzn-ErrorType`, `{message}` in the body).
 *
 * Credentials: as on AWS, only SigV4-signed requests (service `appsync`) from known credentials are
 * evaluated (auth/iam.ts verifies them); requests from a browser page (an `Origin` header) are refused
 * outright, so no web page can run code here (docs/local-runtime.md).
 */
import type { HttpRequest, HttpResponse } from './http.ts';
import { jsonResponse } from './http.ts';
import { Refusal } from '../refusal.ts';
import { SIGV4_ALGORITHM, type IamVerifier } from '../auth/iam.ts';
import { header, sourceIps } from '../auth/request.ts';
import { BadRequestException } from '../js/evaluate.ts';

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

/** A refusal in restJson1's shape: the error name in `x-amzn-ErrorType`, `{message}` in the body. */
const refusal = (statusCode: number, errorType: string, message: string): HttpResponse =>
  jsonResponse(statusCode, { message }, { 'x-amzn-errortype': errorType });

/** Answers a request only if it is signed by known credentials; null verifier: refuses everything. */
async function checkCaller(req: HttpRequest, verifier: IamVerifier | null): Promise<HttpResponse | null> {
  // ⚠ AWS's wording for a browser's call here is not known; the runtime's own choice (docs/local-runtime.md).
  if (header(req.headers, 'origin') !== undefined) return refusal(403, 'AccessDeniedException', 'EvaluateCode does not accept cross-origin requests.');
  const authorization = header(req.headers, 'authorization')?.trim();
  // An unsigned request: what AWS's REST APIs answer without a SigV4 Authorization header.
  if (!verifier || !authorization?.startsWith(SIGV4_ALGORITHM)) return refusal(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  try {
    await verifier.verify({ method: req.method, path: req.path, headers: req.headers, body: req.body, sourceIp: sourceIps(req.headers, req.remoteAddress) });
    return null;
  } catch (err) {
    if (err instanceof Refusal) return refusal(err.statusCode, err.errorType, err.message);
    throw err;
  }
}

export async function handleEvaluateCodeRequest(req: HttpRequest, evaluate: EvaluateCode, verifier: IamVerifier | null): Promise<HttpResponse> {
  if (req.method !== 'POST') return jsonResponse(405, { message: `${req.method} is not supported: EvaluateCode is a POST.` }, { allow: 'POST' });
  const refused = await checkCaller(req, verifier);
  if (refused) return refused;
  const input = readEvaluateCodeInput(req.body);
  if ('statusCode' in input) return input;
  try {
    return jsonResponse(200, await evaluate(input));
  } catch (err) {
    if (err instanceof BadRequestException) return badRequest(err.message);
    throw err;
  }
}
