import { describe, expect, it } from 'vitest';
import { filtersFromQuery, filtersToQuery } from '../src/lib/filters';

describe('board filters in the URL', () => {
  it('reads the known keys, trimming and ignoring empty ones', () => {
    expect(filtersFromQuery({ assignee: 'u1', label: ' docs ', priority: '', q: ['login', 'x'], other: 'y' })).toEqual({ assignee: 'u1', label: 'docs', q: 'login' });
  });
  it('writes only set filters and keeps unrelated query keys (the open task)', () => {
    expect(filtersToQuery({ label: 'client', q: '' }, { task: 't1', label: 'old', priority: 'HIGH' })).toEqual({ task: 't1', label: 'client' });
  });
  it('round-trips', () => {
    const f = { assignee: 'none', label: 'a b', priority: 'URGENT', q: 'TW-4' };
    expect(filtersFromQuery(filtersToQuery(f))).toEqual(f);
  });
});
