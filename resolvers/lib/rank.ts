/**
 * Rank: an opaque string that orders cards in a board column or the backlog (sort ascending).
 *
 * Fractional indexing over a base-62 alphabet whose ASCII order is its numeric order
 * (`0-9 < A-Z < a-z`), after the scheme of rocicorp/fractional-indexing:
 *   rank = integer part + fractional part
 *   integer part = a head character saying how many digits follow ('a'..'z': 1..26 digits, growing
 *   upwards; 'Z'..'A': 1..26 digits, growing downwards) and those digits; the first rank is 'a0'.
 *   fractional part = base-62 digits, never ending in '0' (so no two ranks are equal in value).
 * Appending at either end only increments/decrements the integer part (length grows logarithmically);
 * inserting between two neighbours takes the midpoint of their fractions (one character per ~6
 * insertions at exactly the same place). No other card is ever rewritten.
 *
 * APPSYNC_JS-safe: no while/C-style loops, recursion, regex, throw or charCodeAt; every loop is a
 * for-of over a bounded index array. Functions return null instead of throwing when given an invalid
 * rank (or when the bound would be exceeded); callers turn that into a ValidationError.
 */

export const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = 62;
/** Longest rank produced or accepted (a GSI sort key may hold 1,024 bytes). */
export const MAX_RANK_LENGTH = 240;
const SMALLEST_INTEGER = 'A' + '00000000000000000000000000';
const FIRST_RANK = 'a0';

/** 0 .. 247: the bounded iteration space of every loop here. */
const INDEX: number[] = DIGITS.split('')
  .concat(DIGITS.split(''), DIGITS.split(''), DIGITS.split(''))
  .map((_c, i) => i);

const digitAt = (s: string, i: number): number => (i < s.length ? DIGITS.indexOf(s.charAt(i)) : 0);

/** Number of digits after the head character of an integer part (null: not a valid head). */
function integerDigits(head: string): number | null {
  const h = DIGITS.indexOf(head);
  if (h >= 36) return h - 35; // 'a' → 1 … 'z' → 26
  if (h >= 10) return 36 - h; // 'Z' → 1 … 'A' → 26
  return null;
}

function integerPart(rank: string): string | null {
  const n = integerDigits(rank.charAt(0));
  if (n === null || rank.length < n + 1) return null;
  return rank.slice(0, n + 1);
}

/** True when `rank` is a well-formed rank (what this module produces). */
export function isValidRank(rank: unknown): boolean {
  if (typeof rank !== 'string' || rank.length === 0 || rank.length > MAX_RANK_LENGTH) return false;
  const int = integerPart(rank);
  if (int === null || rank === SMALLEST_INTEGER) return false;
  if (rank.split('').some((c) => DIGITS.indexOf(c) < 0)) return false;
  return !(rank.length > int.length && rank.endsWith('0'));
}

/**
 * A fraction strictly between `a` and `b` (digit strings read as base-62 fractions; `b` null means 1).
 * Requires a < b and neither ending in '0'.
 */
function midpoint(a: string, b: string | null): string | null {
  let prefix = '';
  let upperOpen = b === null; // true once any continuation of `prefix` stays below b
  let result: string | null = null;
  for (const i of INDEX) {
    const da = digitAt(a, i);
    const db = upperOpen ? BASE : digitAt(b ?? '', i);
    if (db - da > 1) {
      result = prefix + DIGITS.charAt(Math.floor((da + db) / 2));
      break;
    }
    prefix = prefix + DIGITS.charAt(da);
    if (db - da === 1) upperOpen = true;
    // db === da: keep the common digit and look further
  }
  return result;
}

/** The integer after `int` (same or next length), or null past the largest. */
function incrementInteger(int: string): string | null {
  const head = int.charAt(0);
  const digits = int.slice(1).split('');
  let carry = true;
  for (const i of INDEX.slice(0, digits.length).reverse()) {
    if (carry) {
      const d = DIGITS.indexOf(digits[i] ?? '0') + 1;
      if (d === BASE) {
        digits[i] = '0';
      } else {
        digits[i] = DIGITS.charAt(d);
        carry = false;
      }
    }
  }
  if (!carry) return head + digits.join('');
  if (head === 'Z') return FIRST_RANK;
  if (head === 'z') return null;
  const next = DIGITS.charAt(DIGITS.indexOf(head) + 1);
  if (DIGITS.indexOf(next) >= 36) digits.push('0');
  else digits.pop();
  return next + digits.join('');
}

/** The integer before `int`, or null below the smallest. */
function decrementInteger(int: string): string | null {
  const head = int.charAt(0);
  const digits = int.slice(1).split('');
  let borrow = true;
  for (const i of INDEX.slice(0, digits.length).reverse()) {
    if (borrow) {
      const d = DIGITS.indexOf(digits[i] ?? '0') - 1;
      if (d === -1) {
        digits[i] = 'z';
      } else {
        digits[i] = DIGITS.charAt(d);
        borrow = false;
      }
    }
  }
  if (!borrow) return head + digits.join('');
  if (head === 'a') return 'Z' + 'z';
  if (head === 'A') return null;
  const prev = DIGITS.charAt(DIGITS.indexOf(head) - 1);
  if (DIGITS.indexOf(prev) < 36) digits.push('z');
  else digits.pop();
  return prev + digits.join('');
}

const bounded = (rank: string | null): string | null =>
  rank !== null && rank.length <= MAX_RANK_LENGTH ? rank : null;

/**
 * A rank strictly between `before` (the card above; null/undefined: top) and `after` (the card below;
 * null/undefined: bottom). Null when an argument is not a valid rank, when before ≥ after, or when the
 * length bound would be exceeded.
 */
export function rankBetween(before?: string | null, after?: string | null): string | null {
  const a = before ?? null;
  const b = after ?? null;
  if (a !== null && !isValidRank(a)) return null;
  if (b !== null && !isValidRank(b)) return null;
  if (a !== null && b !== null && a >= b) return null;
  if (a === null && b === null) return FIRST_RANK;
  if (a === null) {
    const ib = integerPart(b ?? '') ?? '';
    const fb = (b ?? '').slice(ib.length);
    if (ib === SMALLEST_INTEGER) {
      const m = midpoint('', fb);
      return m === null ? null : bounded(ib + m);
    }
    if (ib < (b ?? '')) return ib;
    return bounded(decrementInteger(ib));
  }
  const ia = integerPart(a) ?? '';
  const fa = a.slice(ia.length);
  if (b === null) {
    const next = incrementInteger(ia);
    if (next !== null) return next;
    const m = midpoint(fa, null);
    return m === null ? null : bounded(ia + m);
  }
  const ib = integerPart(b) ?? '';
  const fb = b.slice(ib.length);
  if (ia === ib) {
    const m = midpoint(fa, fb);
    return m === null ? null : bounded(ia + m);
  }
  const next = incrementInteger(ia);
  if (next !== null && next < b) return next;
  const m = midpoint(fa, null);
  return m === null ? null : bounded(ia + m);
}

const TAIL_LENGTH = 26;
const TAIL_PADDING = '00000000000000000000000000';

/**
 * `rank` made unique to one writer by a tail drawn from `seed` (the card's id): two writers that
 * computed the same rank at the same time — the bottom of a column read from an eventually consistent
 * index, or the same two neighbours on a stale board — still get distinct ranks, so a card can later go
 * between them. The tail is the id reversed (a ULID's random end first, so tails differ early and ranks
 * stay short), always TAIL_LENGTH digits and a final '1': ranks of different ids then never coincide.
 * The result stays above everything `rank` was above and below `after`: when `rank` is a prefix of
 * `after` (the tail could reach it), the tail goes on a rank between `rank` and `after` instead.
 * Null when the length bound would be exceeded.
 */
export function uniqueRank(rank: string, seed: string, after?: string | null): string | null {
  const digits = seed
    .split('')
    .filter((c) => DIGITS.indexOf(c) >= 0)
    .reverse()
    .join('');
  const tail = (digits + TAIL_PADDING).slice(0, TAIL_LENGTH) + '1';
  const base = after && !(rank + tail < after) ? rankBetween(rank, after) : rank;
  if (base === null) return null;
  const candidate = base + tail;
  if (candidate.length > MAX_RANK_LENGTH) return null;
  if (after && !(candidate < after)) return null;
  return candidate;
}
