/**
 * Integration token format, shared by functions/tokens (creates) and functions/authorizer (checks):
 *   twk_<projectId>_<tokenId>_<secret>
 * projectId and tokenId are ULIDs (Crockford base32, no `_`), secret is 64 hex characters (32 random
 * bytes). Only sha256(secret) (hex) is stored; `prefix` = first 8 characters of the secret.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'twk_';
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const SECRET = /^[0-9a-f]{64}$/;

export interface ParsedToken {
  projectId: string;
  tokenId: string;
  secret: string;
}

export function formatToken(projectId: string, tokenId: string, secret: string): string {
  return `${TOKEN_PREFIX}${projectId}_${tokenId}_${secret}`;
}

export function parseToken(raw: string | undefined | null): ParsedToken | null {
  if (!raw) return null;
  const value = raw.startsWith('Bearer ') ? raw.slice(7).trim() : raw.trim();
  if (!value.startsWith(TOKEN_PREFIX) || value.length > 200) return null;
  const parts = value.slice(TOKEN_PREFIX.length).split('_');
  if (parts.length !== 3) return null;
  const [projectId, tokenId, secret] = parts as [string, string, string];
  if (!ID.test(projectId) || !ID.test(tokenId) || !SECRET.test(secret)) return null;
  return { projectId, tokenId, secret };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID: 48-bit millisecond time + 80 random bits, Crockford base32. */
export function ulid(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[bytes[i]! % 32];
  return time + rand;
}
