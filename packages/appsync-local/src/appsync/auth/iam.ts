/**
 * AWS_IAM: verifies SigV4-signed requests against local credentials and builds AppSync's IAM identity
 * (docs/local-runtime.md, "How a resolver runs"); `signRequest` makes such requests (a host's Lambdas, tests).
 *
 * Verification recomputes the signature with @smithy/signature-v4 (the SDK's own signer) over the
 * request as received: method, path, query, the headers named in `SignedHeaders`, and the body. As on
 * AWS: the scope must name the local region and `appsync`; `x-amz-date` may be at most 15 minutes
 * away from now; `host` must be signed; a header listed as signed but missing fails; unsigned extra
 * headers are ignored; a signed `x-amz-content-sha256` must be the body's hash. SigV4 failures answer
 * HTTP 403 with AWS's error types and messages (InvalidSignatureException, UnrecognizedClientException,
 * IncompleteSignatureException).
 */
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IamIdentity } from '../types.ts';
import { forbidden, MESSAGES } from './errors.ts';
import { header, safeEqual, type RequestHeaders } from './request.ts';

export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  accountId: string;
  /** e.g. `arn:aws:sts::000000000000:assumed-role/taskwire-notify/notify`. */
  userArn: string;
  /**
   * `identity.username`: on AWS the caller's unique id (`AIDA…` for a user, `AROA…:session` for a role).
   * Default: the last segment of `userArn`.
   */
  username?: string;
}

export interface IamAuthConfig {
  region: string;
  credentials: LocalCredentials[];
  /** Default `appsync`. */
  service?: string;
  /** Clock (ms since epoch). Default Date.now. */
  now?: () => number;
}

export interface SignedRequestInput {
  method: string;
  /** Path with its query string, as received (`/graphql?x=1`). */
  path: string;
  headers: RequestHeaders;
  body: string;
  sourceIp: string[];
}

export interface IamVerifier {
  verify(req: SignedRequestInput): Promise<IamIdentity>;
}

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60_000;

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

const incomplete = (message: string) => forbidden('IncompleteSignatureException', message);
const invalidSignature = (message: string = MESSAGES.badSignature) => forbidden('InvalidSignatureException', message);

function parseAuthorization(value: string): ParsedAuthorization {
  if (!value.startsWith(`${SIGV4_ALGORITHM} `)) throw incomplete(`Authorization header requires the ${SIGV4_ALGORITHM} algorithm.`);
  const params = new Map<string, string>();
  for (const part of value.slice(SIGV4_ALGORITHM.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  for (const required of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!params.get(required)) throw incomplete(`Authorization header requires '${required}' parameter.`);
  }
  const scope = params.get('Credential')!.split('/');
  if (scope.length !== 5) throw incomplete('Credential must have exactly 5 slash-delimited elements.');
  const [accessKeyId, date, region, service, terminator] = scope as [string, string, string, string, string];
  return {
    accessKeyId,
    date,
    region,
    service,
    terminator,
    signedHeaders: params.get('SignedHeaders')!.split(';'),
    signature: params.get('Signature')!,
  };
}

/** `20150830T123600Z` → Date. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function splitPath(rawPath: string): { path: string; query: Record<string, string | string[]> } {
  const q = rawPath.indexOf('?');
  // The path stays as it came over the wire: the signer escapes it once more, which is SigV4's
  // double encoding for every service but S3 (the SDK hands its signer the encoded path too).
  const path = (q === -1 ? rawPath : rawPath.slice(0, q)) || '/';
  const query: Record<string, string | string[]> = {};
  if (q !== -1) {
    for (const pair of rawPath.slice(q + 1).split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const dec = (s: string) => decodeURIComponent(s.replace(/\+/g, '%20'));
      const key = dec(eq === -1 ? pair : pair.slice(0, eq));
      const val = eq === -1 ? '' : dec(pair.slice(eq + 1));
      const prev = query[key];
      query[key] = prev === undefined ? val : Array.isArray(prev) ? [...prev, val] : [prev, val];
    }
  }
  return { path, query };
}

function iamIdentity(cred: LocalCredentials, sourceIp: string[]): IamIdentity {
  return {
    accountId: cred.accountId,
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp,
    username: cred.username ?? cred.userArn.split(/[/:]/).pop() ?? cred.accessKeyId,
    userArn: cred.userArn,
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  };
}

export function createIamVerifier(config: IamAuthConfig): IamVerifier {
  const service = config.service ?? 'appsync';
  const now = config.now ?? Date.now;
  const byKey = new Map(config.credentials.map((c) => [c.accessKeyId, c]));

  return {
    async verify(req) {
      const auth = parseAuthorization(header(req.headers, 'authorization') ?? '');
      const cred = byKey.get(auth.accessKeyId);
      if (!cred) throw forbidden('UnrecognizedClientException', MESSAGES.unknownAccessKey);

      const signingDate = parseAmzDate(header(req.headers, 'x-amz-date'));
      if (!signingDate) throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
      const skew = signingDate.getTime() - now();
      if (skew < -MAX_SKEW_MS) {
        throw invalidSignature(
          `Signature expired: ${amzDate(signingDate)} is now earlier than ${amzDate(new Date(now() - MAX_SKEW_MS))} (${amzDate(new Date(now()))} - 15 min.)`,
        );
      }
      if (skew > MAX_SKEW_MS) {
        throw invalidSignature(
          `Signature not yet current: ${amzDate(signingDate)} is still later than ${amzDate(new Date(now() + MAX_SKEW_MS))} (${amzDate(new Date(now()))} + 15 min.)`,
        );
      }
      if (auth.date !== amzDate(signingDate).slice(0, 8)) {
        throw invalidSignature(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate(signingDate).slice(0, 8)}', from '${amzDate(signingDate)}'.`);
      }
      if (auth.region !== config.region) throw invalidSignature('Credential should be scoped to a valid region.');
      if (auth.service !== service) throw invalidSignature(`Credential should be scoped to correct service: '${service}'.`);
      if (auth.terminator !== 'aws4_request') throw invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request'.");

      const signed = auth.signedHeaders.map((h) => h.toLowerCase());
      if (!signed.includes('host')) throw invalidSignature("'Host' must be a signed header.");
      const headers: Record<string, string> = {};
      for (const name of signed) {
        const value = header(req.headers, name);
        if (value === undefined) throw invalidSignature();
        headers[name] = value;
      }

      // Temporary credentials: the token must come with the request (compared without leaking it).
      const token = header(req.headers, 'x-amz-security-token');
      if (cred.sessionToken !== undefined && (token === undefined || !safeEqual(token, cred.sessionToken))) {
        throw forbidden('UnrecognizedClientException', MESSAGES.unknownAccessKey);
      }
      // A signed payload hash must be the hash of what arrived (the signer trusts the header).
      const contentSha = headers['x-amz-content-sha256'];
      if (contentSha !== undefined && contentSha !== createHash('sha256').update(req.body, 'utf8').digest('hex')) {
        throw invalidSignature('The provided x-amz-content-sha256 header does not match what was computed.');
      }

      // The signer sets x-amz-date (from signingDate) and x-amz-security-token (from the credentials)
      // itself; hand it the token only when the client signed it.
      delete headers['x-amz-date'];
      delete headers['x-amz-security-token'];
      const { path, query } = splitPath(req.path);
      const signer = new SignatureV4({
        service,
        region: config.region,
        sha256: Sha256,
        applyChecksum: false,
        credentials: {
          accessKeyId: cred.accessKeyId,
          secretAccessKey: cred.secretAccessKey,
          ...(signed.includes('x-amz-security-token') && token !== undefined ? { sessionToken: token } : {}),
        },
      });
      const expected = await signer.sign(
        { method: req.method.toUpperCase(), protocol: 'https:', hostname: headers.host ?? '', path, query, headers, body: req.body },
        { signingDate, signableHeaders: new Set(signed) },
      );
      const expectedAuth = parseAuthorization(String(expected.headers.authorization));
      if (expectedAuth.signedHeaders.join(';') !== signed.join(';') || !safeEqual(expectedAuth.signature, auth.signature)) {
        throw invalidSignature();
      }
      return iamIdentity(cred, req.sourceIp);
    },
  };
}

export interface SignRequestInput {
  url: string | URL;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Signs a request with SigV4 (the SDK's signer) and returns the headers to send with it: the given
 * ones plus `host`, `x-amz-date`, `authorization` and, for temporary credentials, `x-amz-security-token`.
 */
export async function signRequest(
  req: SignRequestInput,
  credentials: SigningCredentials,
  opts: { region: string; service?: string; date?: Date },
): Promise<Record<string, string>> {
  const url = new URL(req.url);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const signer = new SignatureV4({
    service: opts.service ?? 'appsync',
    region: opts.region,
    sha256: Sha256,
    applyChecksum: false,
    credentials,
  });
  const lowered = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const signed = await signer.sign(
    {
      method: (req.method ?? 'POST').toUpperCase(),
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query,
      headers: { ...lowered, host: url.host },
      body: req.body,
    },
    { signingDate: opts.date ?? new Date() },
  );
  return Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k, String(v)]));
}

