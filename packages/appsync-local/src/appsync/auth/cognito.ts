/**
 * AMAZON_COGNITO_USER_POOLS: verifies a user pool JWT (id or access token) the way AWS documents it
 * ("Verifying a JSON Web Token", Cognito developer guide) and builds AppSync's identity (docs/local-runtime.md, "How a resolver runs").
 *
 * Checks, in order: RS256 signature against the pool's JWKS (any other `alg`, `none` included, is
 * refused), `iss` = the pool issuer, `exp`/`nbf` with a small skew, `token_use` is `id` or `access`,
 * and the app client: `aud` for id tokens, `client_id` for access tokens.
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { CognitoIdentity } from '../types.ts';
import { Refusal, MESSAGES, unauthorized } from './errors.ts';

export interface CognitoAuthConfig {
  /** The pool issuer, `<cognito endpoint>/<userPoolId>` (what ensureUserPool returns). */
  issuer: string;
  /** Where the pool's keys are; default `<issuer>/.well-known/jwks.json`. */
  jwksUrl?: string;
  /** App client ids whose tokens are accepted (AppSync's `appIdClientRegex`, as a list). */
  clientIds: string[];
  /** AppSync `userPoolConfig.defaultAction`; surfaced as `identity.defaultAuthStrategy`. Default ALLOW. */
  defaultAction?: 'ALLOW' | 'DENY';
  /** Seconds of clock skew tolerated on exp/nbf/iat. Default 5 (Cognito tokens have second precision). */
  clockToleranceSec?: number;
}

export interface CognitoVerifier {
  readonly issuer: string;
  /** Resolves to the AppSync identity, or rejects with an Refusal. */
  verify(token: string, sourceIp: string[]): Promise<CognitoIdentity>;
}

/** True when a string has the shape of a compact JWS (three base64url parts, a JSON header with `alg`). */
export function looksLikeJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p, i) => i < 2 && !/^[A-Za-z0-9_-]+$/.test(p))) return false;
  try {
    return typeof decodeProtectedHeader(token).alg === 'string';
  } catch {
    return false;
  }
}

function refusalFor(e: unknown): Refusal {
  if (e instanceof Refusal) return e;
  if (e instanceof joseErrors.JWTExpired) return unauthorized(MESSAGES.tokenExpired);
  if (e instanceof joseErrors.JWSInvalid || e instanceof joseErrors.JWTInvalid) return unauthorized(MESSAGES.unparsableJwt);
  // Bad signature, unknown key, wrong alg, wrong issuer, not yet valid, JWKS unreachable: AppSync
  // does not tell these apart for the caller.
  return unauthorized(MESSAGES.noValidHeader);
}

function clientOf(payload: JWTPayload): string | undefined {
  if (payload.token_use === 'access') return typeof payload.client_id === 'string' ? payload.client_id : undefined;
  // id token: `aud` is the app client id (a string in Cognito tokens; accept a one-element array).
  const aud = payload.aud;
  if (typeof aud === 'string') return aud;
  return Array.isArray(aud) && aud.length === 1 ? aud[0] : undefined;
}

/** Builds the identity AppSync hands resolvers for a verified user pool token (docs/local-runtime.md). */
export function cognitoIdentity(
  payload: JWTPayload,
  sourceIp: string[],
  defaultAuthStrategy: 'ALLOW' | 'DENY',
): CognitoIdentity {
  const claims = payload as Record<string, unknown>;
  // Id tokens carry `cognito:username`; access tokens (what Amplify v6 sends) carry `username`.
  const username = claims['cognito:username'] ?? claims.username;
  const groups = claims['cognito:groups'];
  return {
    sub: String(payload.sub),
    issuer: String(payload.iss),
    username: typeof username === 'string' ? username : String(payload.sub),
    claims,
    sourceIp,
    groups: Array.isArray(groups) ? groups.map(String) : null,
    defaultAuthStrategy,
  };
}

/** Verified tokens remembered per verifier (each entry is one token's claims, ~1 KB). */
const MAX_VERIFIED_TOKENS = 10_000;

export function createCognitoVerifier(config: CognitoAuthConfig): CognitoVerifier {
  if (config.clientIds.length === 0) throw new Error('cognito auth: at least one app client id is required');
  const jwksUrl = new URL(config.jwksUrl ?? `${config.issuer}/.well-known/jwks.json`);
  // jose caches the key set and refetches (rate limited) when a token names an unknown `kid`.
  const jwks = createRemoteJWKSet(jwksUrl, { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
  const clientIds = new Set(config.clientIds);
  const strategy = config.defaultAction ?? 'ALLOW';
  const tolerance = config.clockToleranceSec ?? 5;
  // Tokens that passed every check below, by their exact text: a token is immutable, so what was
  // verified once (signature, alg, issuer, token_use, client) stays true; only time can change the
  // answer, so `exp` is checked again on every use and an expired entry falls through to the full
  // verification (which gives AppSync's expired-token refusal). Bounded; oldest entries leave first.
  const verified = new Map<string, JWTPayload>();

  return {
    issuer: config.issuer,
    async verify(token, sourceIp) {
      const hit = verified.get(token);
      if (hit) {
        // jose's rule: expired when exp <= now - tolerance.
        if ((hit.exp as number) > Math.floor(Date.now() / 1000) - tolerance) return cognitoIdentity(structuredClone(hit), sourceIp, strategy);
        verified.delete(token);
      }
      try {
        // Decode first, so a token that is not a JWT at all gets AppSync's "Unable to parse" answer
        // rather than whatever key lookup fails on.
        decodeProtectedHeader(token);
        decodeJwt(token);
        const { payload } = await jwtVerify(token, jwks, {
          algorithms: ['RS256'],
          issuer: config.issuer,
          clockTolerance: tolerance,
          requiredClaims: ['exp', 'iat', 'sub', 'token_use'],
        });
        if (payload.token_use !== 'id' && payload.token_use !== 'access') throw unauthorized(MESSAGES.noValidHeader);
        const client = clientOf(payload);
        if (client === undefined || !clientIds.has(client)) throw unauthorized(MESSAGES.noValidHeader);
        if (verified.size >= MAX_VERIFIED_TOKENS) verified.delete(verified.keys().next().value!);
        verified.set(token, structuredClone(payload));
        return cognitoIdentity(payload, sourceIp, strategy);
      } catch (e) {
        throw refusalFor(e);
      }
    },
  };
}

/**
 * `@aws_cognito_user_pools(cognito_groups: [...])`: the caller may use the field when it belongs to at
 * least one of the listed groups. No list (the bare directive) means any signed-in user of the pool.
 */
export function cognitoGroupsAllow(identity: Pick<CognitoIdentity, 'groups'>, allowedGroups?: readonly string[] | null): boolean {
  if (!allowedGroups || allowedGroups.length === 0) return true;
  const mine = identity.groups ?? [];
  return allowedGroups.some((g) => mine.includes(g));
}
