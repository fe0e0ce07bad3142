/**
 * AWS_LAMBDA: AppSync's Lambda authorizer, with the handler invoked in-process.
 *
 * Event (AppSync developer guide, "AWS Lambda authorization"):
 *   { authorizationToken, requestContext: { apiId, accountId, requestId, queryString, operationName, variables },
 *     requestHeaders }
 * Response: { isAuthorized: boolean, resolverContext?: {..strings..}, deniedFields?: string[], ttlOverride?: number }
 *   - isAuthorized false → 401 UnauthorizedException "You are not authorized to make this call."
 *   - resolverContext becomes `ctx.identity.resolverContext`.
 *   - deniedFields (`Type.field` or a field ARN) are forced to null by the executor.
 *   - ttlOverride: seconds to cache this answer; 0 = do not cache.
 * The authorizer has 10 seconds to answer. A handler that throws, times out or answers something
 * malformed is treated as a refusal (AppSync reports those as auth failures too; see the report for the
 * exact status, which AWS does not document).
 *
 * Caching and revocation: AppSync caches a positive answer per token for `ttlOverride`, else the API's
 * `authorizerResultTtlInSeconds` (the CDK default, 300 s, is the default here; the API reference's
 * default is 0). AppSync offers no way to flush that cache, so a revoked token keeps working on AWS
 * until its cached answer expires. Taskwire's authorizer therefore answers `ttlOverride: 0` for
 * revocable (integration) tokens, which makes revocation immediate on AWS and locally alike.
 * `invalidate()`/`clear()` exist for the local runtime's own use (tests, a config reload); code that
 * relies on them to revoke would behave differently on AWS.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AuthResult, LambdaIdentity } from '../types.ts';
import { unauthorized } from './errors.ts';
import type { RequestHeaders } from './request.ts';

export interface LambdaAuthorizerEvent {
  authorizationToken: string;
  requestContext: {
    apiId: string;
    accountId: string;
    requestId: string;
    queryString: string;
    operationName?: string;
    variables: Record<string, unknown>;
  };
  requestHeaders: Record<string, string>;
}

export interface LambdaAuthorizerResponse {
  isAuthorized: boolean;
  resolverContext?: Record<string, string>;
  deniedFields?: string[];
  ttlOverride?: number;
}

export type LambdaAuthorizerHandler = (event: LambdaAuthorizerEvent) => unknown;

export interface LambdaAuthConfig {
  handler: LambdaAuthorizerHandler;
  /** Seconds a positive answer is cached when the handler gives no ttlOverride. Default 300; 0 disables. */
  authorizerResultTtlInSeconds?: number;
  /** AppSync's `identityValidationExpression`: tokens that do not match are refused without a call. */
  identityValidationExpression?: string;
  /** How long the handler may take. Default 10 000 ms (AppSync's limit). */
  timeoutMs?: number;
  apiId?: string;
  accountId?: string;
  /** Clock for the cache (ms since epoch). Default Date.now. */
  now?: () => number;
}

export interface LambdaRequestContext {
  headers: RequestHeaders;
  queryString?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

export type LambdaAuthResult = AuthResult & { mode: 'AWS_LAMBDA'; identity: LambdaIdentity };

export interface LambdaAuthorizer {
  authorize(token: string, request: LambdaRequestContext): Promise<LambdaAuthResult>;
  /** Forgets the cached answer for one token. */
  invalidate(token: string): void;
  /** Forgets every cached answer. */
  clear(): void;
}

export const LAMBDA_AUTHORIZER_TIMEOUT_MS = 10_000;
const DEFAULT_TTL_SECONDS = 300;
const MAX_TTL_SECONDS = 3600;

const isStringMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/** Accepts only the documented response shape; anything else is `undefined` (= refusal). */
export function parseAuthorizerResponse(raw: unknown): LambdaAuthorizerResponse | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.isAuthorized !== 'boolean') return undefined;
  // AppSync documents resolverContext as a JSON object of string values (it becomes
  // ctx.identity.resolverContext); a non-string value is a malformed answer.
  if (r.resolverContext !== undefined && r.resolverContext !== null && !isStringMap(r.resolverContext)) return undefined;
  if (r.deniedFields !== undefined && r.deniedFields !== null) {
    if (!Array.isArray(r.deniedFields) || !r.deniedFields.every((f) => typeof f === 'string')) return undefined;
  }
  if (r.ttlOverride !== undefined && r.ttlOverride !== null) {
    if (typeof r.ttlOverride !== 'number' || !Number.isInteger(r.ttlOverride) || r.ttlOverride < 0) return undefined;
  }
  return {
    isAuthorized: r.isAuthorized,
    resolverContext: (r.resolverContext as Record<string, string> | null | undefined) ?? undefined,
    deniedFields: (r.deniedFields as string[] | null | undefined) ?? undefined,
    ttlOverride: (r.ttlOverride as number | null | undefined) ?? undefined,
  };
}

function flatHeaders(headers: RequestHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  }
  return out;
}

/** Runs the handler with AppSync's time limit; resolves to its answer or rejects. */
async function invokeWithTimeout(handler: LambdaAuthorizerHandler, event: LambdaAuthorizerEvent, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`authorizer timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => handler(event)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createLambdaAuthorizer(config: LambdaAuthConfig): LambdaAuthorizer {
  const now = config.now ?? Date.now;
  const defaultTtl = config.authorizerResultTtlInSeconds ?? DEFAULT_TTL_SECONDS;
  const timeoutMs = config.timeoutMs ?? LAMBDA_AUTHORIZER_TIMEOUT_MS;
  // AppSync matches the whole token against the expression.
  const validation = config.identityValidationExpression ? new RegExp(`^(?:${config.identityValidationExpression})$`) : undefined;
  // Keyed by a hash so the cache does not hold bearer tokens in clear.
  const cache = new Map<string, { result: LambdaAuthResult; expiresAt: number }>();
  const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

  return {
    async authorize(token, request) {
      if (!token || (validation && !validation.test(token))) throw unauthorized();
      const key = keyOf(token);
      const cached = cache.get(key);
      if (cached && cached.expiresAt > now()) return structuredClone(cached.result);
      if (cached) cache.delete(key);

      const event: LambdaAuthorizerEvent = {
        authorizationToken: token,
        requestContext: {
          apiId: config.apiId ?? 'local',
          accountId: config.accountId ?? '000000000000',
          requestId: randomUUID(),
          queryString: request.queryString ?? '',
          ...(request.operationName ? { operationName: request.operationName } : {}),
          variables: request.variables ?? {},
        },
        requestHeaders: flatHeaders(request.headers),
      };

      let answer: LambdaAuthorizerResponse | undefined;
      try {
        answer = parseAuthorizerResponse(await invokeWithTimeout(config.handler, event, timeoutMs));
      } catch {
        answer = undefined; // thrown or timed out: never leak the handler's error to the caller
      }
      if (!answer?.isAuthorized) throw unauthorized();

      const ttl = Math.min(answer.ttlOverride ?? defaultTtl, MAX_TTL_SECONDS);
      const result: LambdaAuthResult = {
        mode: 'AWS_LAMBDA',
        identity: { resolverContext: answer.resolverContext ?? {} },
        deniedFields: answer.deniedFields ?? [],
        ttlOverride: ttl,
      };
      if (ttl > 0) cache.set(key, { result: structuredClone(result), expiresAt: now() + ttl * 1000 });
      return result;
    },
    invalidate(token) {
      cache.delete(keyOf(token));
    },
    clear() {
      cache.clear();
    },
  };
}
