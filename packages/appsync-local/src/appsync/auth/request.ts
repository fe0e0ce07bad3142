import { timingSafeEqual, createHash } from 'node:crypto';

import type { RequestHeaders } from '../types.ts';

export type { RequestHeaders };

/** The one value of a header, looked up case-insensitively; repeated headers are joined with ", ". */
export function header(headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}

/**
 * `identity.sourceIp` as AppSync builds it: the `X-Forwarded-For` entries in order, then the address
 * the connection came from (docs/local-runtime.md, "How a resolver runs").
 */
export function sourceIps(headers: RequestHeaders, peer: string): string[] {
  const forwarded = (header(headers, 'x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return peer ? [...forwarded, peer] : forwarded;
}

/**
 * Compares two secrets without leaking where they differ. Hashing first makes the inputs equal
 * length, so the comparison also does not leak the secret's length.
 */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}
