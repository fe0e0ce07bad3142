/**
 * The rank algorithm is plain APPSYNC_JS-safe TypeScript: these tests run it directly in Node, over
 * many random insertions, and check that order is total and stable and no existing rank is rewritten.
 */
import { describe, expect, it } from 'vitest';
import { MAX_RANK_LENGTH, isValidRank, rankBetween, uniqueRank } from '../../../resolvers/lib/rank.ts';

/** Small deterministic PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (a: string | null, b: string | null): string => {
  const r = rankBetween(a, b);
  if (r === null) throw new Error(`no rank between ${a} and ${b}`);
  return r;
};

describe('rankBetween', () => {
  it('starts at a0 and orders top/bottom insertions', () => {
    expect(rankBetween()).toBe('a0');
    expect(rankBetween('a0', null)).toBe('a1');
    expect(rankBetween(null, 'a0')).toBe('Zz');
    expect(rankBetween('a0', 'a1')).toBe('a0V');
    expect(rankBetween('az', null)).toBe('b00');
    expect(rankBetween(null, 'b00')).toBe('az');
  });

  it('refuses invalid or out-of-order neighbours with null', () => {
    expect(rankBetween('a1', 'a0')).toBeNull();
    expect(rankBetween('a1', 'a1')).toBeNull();
    expect(rankBetween('a0', 'garbage!')).toBeNull();
    expect(rankBetween('a10', null)).toBeNull(); // trailing zero in the fraction
    expect(rankBetween('', null)).toBeNull();
    expect(isValidRank('a0V')).toBe(true);
    expect(isValidRank('0a')).toBe(false);
  });

  it('keeps a column totally ordered over 5,000 random insertions without rewriting any rank', () => {
    const rand = prng(42);
    const column: string[] = [];
    for (let n = 0; n < 5000; n += 1) {
      const slot = Math.floor(rand() * (column.length + 1));
      const before = slot > 0 ? column[slot - 1]! : null;
      const after = slot < column.length ? column[slot]! : null;
      const r = between(before, after);
      if (before !== null) expect(r > before).toBe(true);
      if (after !== null) expect(r < after).toBe(true);
      expect(isValidRank(r)).toBe(true);
      column.splice(slot, 0, r);
    }
    const sorted = [...column].sort();
    expect(sorted).toEqual(column);
    expect(new Set(column).size).toBe(column.length);
    expect(Math.max(...column.map((r) => r.length))).toBeLessThan(20);
  });

  it('grows logarithmically when always appending at the bottom or the top', () => {
    let last: string | null = null;
    let first: string | null = null;
    for (let n = 0; n < 10_000; n += 1) {
      last = between(last, null);
      first = between(null, first);
    }
    expect(last!.length).toBeLessThanOrEqual(4);
    expect(first!.length).toBeLessThanOrEqual(4);
  });

  it('handles 1,000 insertions at the very same place (always right below one card)', () => {
    const top = between(null, null);
    let below = between(top, null);
    for (let n = 0; n < 1000; n += 1) {
      const r = between(top, below);
      expect(r > top && r < below).toBe(true);
      below = r;
    }
    expect(below.length).toBeLessThanOrEqual(MAX_RANK_LENGTH);
  });

  it('handles interleaved insertions just above and just below neighbours', () => {
    const rand = prng(7);
    let lo = between(null, null);
    let hi = between(lo, null);
    for (let n = 0; n < 500; n += 1) {
      const r = between(lo, hi);
      if (rand() < 0.5) lo = r;
      else hi = r;
      expect(lo < hi).toBe(true);
    }
  });
});

describe('uniqueRank', () => {
  it('gives writers that computed the same rank distinct ranks, still inside the gap', () => {
    const a = 'a0';
    const b = 'a1';
    const mid = rankBetween(a, b)!;
    const seeds = ['01M80ASP1PTENGBA8RW4MKHK5S', '01M80ASP1PTENGBA8RW4MKHK7Q', 'task-x', 'task-y'];
    const ranks = seeds.map((s) => uniqueRank(mid, s, b)!);
    expect(new Set(ranks).size).toBe(ranks.length);
    for (const r of ranks) {
      expect(isValidRank(r), r).toBe(true);
      expect(r > a && r < b, r).toBe(true);
    }
    // Between two of them there is still room.
    const [lo, hi] = [...ranks].sort();
    const between = rankBetween(lo, hi);
    expect(between !== null && between > lo! && between < hi!).toBe(true);
  });

  it('answers null (no room) rather than a shared rank when the tail would not fit', () => {
    expect(uniqueRank('a0' + 'V'.repeat(MAX_RANK_LENGTH - 4), 'task-x', null)).toBeNull();
  });

  it('over many generated neighbour pairs, every writer gets a distinct rank strictly between them', () => {
    const rand = prng(8);
    const ULID = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const ulid = () => Array.from({ length: 26 }, () => ULID.charAt(Math.floor(rand() * 32))).join('');
    // Neighbours as real boards make them: created at the bottom (with a tail) and moved into gaps.
    const ranks: string[] = [];
    let bottom: string | null = null;
    for (let i = 0; i < 40; i++) ranks.push((bottom = uniqueRank(between(bottom, null), ulid())!));
    for (let i = 0; i < 300; i++) {
      const sorted = [...ranks].sort();
      const k = Math.floor(rand() * (sorted.length + 1));
      const a = k === 0 ? null : sorted[k - 1]!;
      const b = k === sorted.length ? null : sorted[k]!;
      // Several writers on a stale board drop cards into the same gap.
      const mid = between(a, b);
      const got = Array.from({ length: 4 }, () => uniqueRank(mid, ulid(), b));
      for (const r of got) {
        expect(r, `${a} < ? < ${b}`).not.toBeNull();
        expect(isValidRank(r), r!).toBe(true);
        expect((a === null || r! > a) && (b === null || r! < b), `${a} < ${r} < ${b}`).toBe(true);
      }
      expect(new Set(got).size).toBe(got.length);
      ranks.push(got[Math.floor(rand() * got.length)]!);
    }
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it('writers landing at the same rank with different ids never coincide, whatever their neighbours', () => {
    // The case of issue 8: the rank between two cards is a prefix of the card below.
    const a = 'a0' + 'K3F01';
    const b = 'a1' + 'ZZZZ1';
    const mid = between(a, b);
    expect(b.startsWith(mid)).toBe(true);
    const got = ['01M80ASP1PTENGBA8RW4MKZZZZ', '01M80ASP1PTENGBA8RW4MXZZZZ', '01M80ASP1PTENGBA8RW4MKHK5S'].map((s) => uniqueRank(mid, s, b)!);
    expect(new Set(got).size).toBe(3);
    for (const r of got) expect(r > a && r < b, r).toBe(true);
  });
});
