/**
 * Ids that the same input always gives: a ULID-shaped id (48-bit millisecond time + 16 Crockford
 * characters) whose time part is `ms` and whose tail is a hash of `seed`. Handlers that may run twice
 * for one event (at-least-once delivery) derive their notification ids this way, so publishNotification
 * (idempotent on the id) stores one notification however often it is called.
 */
import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function stableUlid(ms: number, seed: string): string {
  let time = '';
  let t = Math.max(0, Math.floor(ms));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = createHash('sha256').update(seed, 'utf8').digest();
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[bytes[i]! % 32];
  return time + tail;
}

/** A short stable name part (hex) for schedule names, which allow [0-9a-zA-Z-_.] and 64 characters. */
export function shortHash(seed: string, length = 32): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex').slice(0, length);
}
