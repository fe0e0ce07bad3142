/**
 * Opaque pagination tokens. AppSync encrypts LastEvaluatedKey and refuses a token in any other resolver;
 * here the key is sealed with AES-256-GCM under a key derived from `tokenSecret`, with the resolver id,
 * operation, table, index (and scan segment) as authenticated data: a token from another resolver or
 * another query, or a tampered one, fails authentication.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DataSourceFailure } from '../errors.ts';
import type { AttributeMap } from './values.ts';

/** What real AppSync answers for an invalid pagination token (as reported in amplify-js#4880). */
export function invalidTokenError(): DataSourceFailure {
  return new DataSourceFailure(
    'DynamoDB:UserIllegalArgumentException',
    'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
  );
}

export interface TokenScope {
  resolverId: string;
  operation: string;
  table: string;
  index?: string;
  segment?: number;
}

export interface TokenCodec {
  encode(lastEvaluatedKey: AttributeMap | undefined, scope: TokenScope): string | null;
  /** The ExclusiveStartKey for a token, or undefined for no token; throws on an invalid one. */
  decode(token: unknown, scope: TokenScope): AttributeMap | undefined;
}

const scopeText = (s: TokenScope) =>
  JSON.stringify([s.resolverId, s.operation, s.table, s.index ?? null, s.segment ?? null]);

/** Key attributes are S, N or B only: each is stored as [type, text]. */
type KeyJson = Record<string, [string, string]>;

function keyToJson(key: AttributeMap): KeyJson {
  const out: KeyJson = {};
  for (const [name, av] of Object.entries(key)) {
    if (av.S !== undefined) out[name] = ['S', av.S];
    else if (av.N !== undefined) out[name] = ['N', av.N];
    else if (av.B !== undefined) out[name] = ['B', Buffer.from(av.B).toString('base64')];
  }
  return out;
}

function keyFromJson(json: unknown): AttributeMap {
  if (typeof json !== 'object' || json === null) throw invalidTokenError();
  const out: AttributeMap = {};
  for (const [name, pair] of Object.entries(json as Record<string, unknown>)) {
    if (!Array.isArray(pair) || typeof pair[1] !== 'string') throw invalidTokenError();
    const [type, text] = pair as [string, string];
    if (type === 'S') out[name] = { S: text };
    else if (type === 'N') out[name] = { N: text };
    else if (type === 'B') out[name] = { B: Buffer.from(text, 'base64') };
    else throw invalidTokenError();
  }
  return out;
}

export function createTokenCodec(secret: Buffer | string): TokenCodec {
  const key = createHash('sha256').update(secret).digest();
  return {
    encode(lastEvaluatedKey, scope) {
      if (!lastEvaluatedKey) return null;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(scopeText(scope)));
      const body = Buffer.concat([cipher.update(JSON.stringify(keyToJson(lastEvaluatedKey))), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    decode(token, scope) {
      if (token === undefined || token === null) return undefined;
      if (typeof token !== 'string') throw invalidTokenError();
      const raw = Buffer.from(token, 'base64url');
      if (raw.length < 29) throw invalidTokenError();
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAAD(Buffer.from(scopeText(scope)));
        decipher.setAuthTag(raw.subarray(12, 28));
        const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString();
        return keyFromJson(JSON.parse(text));
      } catch (err) {
        if (err instanceof DataSourceFailure) throw err;
        throw invalidTokenError();
      }
    },
  };
}
