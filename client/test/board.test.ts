import { describe, expect, it } from 'vitest';
import { BoardState, byRank, type Card } from '../src/lib/board';

let n = 0;
const card = (over: Partial<Card> = {}): Card => ({
  id: `t${++n}`, projectId: 'p', key: `TW-${n}`, title: `Task ${n}`, status: 'TODO', priority: 'MEDIUM', labels: [],
  assigneeId: null, sprintId: 's1', rank: `m${n}`, version: 1, ...over,
});
const ids = (cs: Card[]) => cs.map((c) => c.id);

describe('board ordering', () => {
  it('groups cards into status columns in ascending rank order', () => {
    const b = new BoardState({ sprintId: 's1' });
    const a = card({ id: 'a', rank: 'c' });
    const c = card({ id: 'c', rank: 'a' });
    const d = card({ id: 'd', rank: 'b', status: 'DONE' });
    const e = card({ id: 'e', rank: 'b' });
    b.load([a, c, d, e]);
    const cols = b.columns();
    expect(ids(cols.TODO)).toEqual(['c', 'e', 'a']);
    expect(ids(cols.DONE)).toEqual(['d']);
    expect(cols.IN_PROGRESS).toEqual([]);
  });

  it('keeps other sprints, archived and deleted cards off the board', () => {
    const b = new BoardState({ sprintId: 's1' });
    b.load([card({ id: 'x', sprintId: 's2' }), card({ id: 'y', archived: true }), card({ id: 'z' })]);
    expect(ids(b.columns().TODO)).toEqual(['z']);
  });

  it('orders equal ranks by id so the order never flickers', () => {
    expect([{ id: 'b', rank: 'x' }, { id: 'a', rank: 'x' }].sort(byRank).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('filters by assignee, label, priority and text', () => {
    const b = new BoardState({ sprintId: null });
    b.load([
      card({ id: 'a', assigneeId: 'u1', labels: ['client'], priority: 'HIGH', title: 'Fix login' }),
      card({ id: 'b', assigneeId: 'u2', labels: ['docs'] }),
      card({ id: 'c', assigneeId: null }),
    ]);
    expect(ids(b.columns({ assignee: 'u1' }).TODO)).toEqual(['a']);
    expect(ids(b.columns({ assignee: 'none' }).TODO)).toEqual(['c']);
    expect(ids(b.columns({ label: 'docs' }).TODO)).toEqual(['b']);
    expect(ids(b.columns({ priority: 'HIGH' }).TODO)).toEqual(['a']);
    expect(ids(b.columns({ q: 'LOGIN' }).TODO)).toEqual(['a']);
  });
});

describe('optimistic move and rollback', () => {
  const setup = () => {
    const b = new BoardState({ sprintId: 's1' });
    b.load([card({ id: 'a', rank: 'a' }), card({ id: 'b', rank: 'b' }), card({ id: 'x', rank: 'a', status: 'IN_PROGRESS' }), card({ id: 'y', rank: 'b', status: 'IN_PROGRESS' })]);
    return b;
  };

  it('shows the card at its new place at once and names its new neighbours', () => {
    const b = setup();
    const visible = [{ id: 'x' }, { id: 'a' }, { id: 'y' }];
    const input = b.moveOptimistic('a', 'IN_PROGRESS', visible);
    expect(input).toEqual({ status: 'IN_PROGRESS', afterId: 'x', beforeId: 'y', expectedVersion: 1 });
    const cols = b.columns();
    expect(ids(cols.TODO)).toEqual(['b']);
    expect(ids(cols.IN_PROGRESS)).toEqual(['x', 'a', 'y']);
  });

  it('moves within a column (to the top: no afterId)', () => {
    const b = setup();
    expect(b.moveOptimistic('b', 'TODO', [{ id: 'b' }, { id: 'a' }])).toMatchObject({ afterId: null, beforeId: 'a' });
    expect(ids(b.columns().TODO)).toEqual(['b', 'a']);
  });

  it('takes the server answer on success', () => {
    const b = setup();
    b.moveOptimistic('a', 'DONE', [{ id: 'a' }]);
    b.confirm('a', { ...b.cards.get('a')!, status: 'DONE', rank: 'q', version: 2 });
    expect(b.pending.size).toBe(0);
    expect(ids(b.columns().DONE)).toEqual(['a']);
    expect(b.cards.get('a')!.version).toBe(2);
  });

  it('puts the card back where it was when the server refuses', () => {
    const b = setup();
    b.moveOptimistic('a', 'IN_PROGRESS', [{ id: 'a' }, { id: 'x' }, { id: 'y' }]);
    expect(ids(b.columns().IN_PROGRESS)).toEqual(['a', 'x', 'y']);
    b.rollback('a');
    expect(ids(b.columns().TODO)).toEqual(['a', 'b']);
    expect(ids(b.columns().IN_PROGRESS)).toEqual(['x', 'y']);
    expect(b.cards.get('a')!.status).toBe('TODO');
  });

  it('keeps a newer server version that arrived during the failed move', () => {
    const b = setup();
    b.moveOptimistic('a', 'DONE', [{ id: 'a' }]);
    b.applyLive({ ...b.cards.get('a')!, status: 'IN_REVIEW', rank: 'z', version: 5 });
    b.rollback('a');
    expect(ids(b.columns().IN_REVIEW)).toEqual(['a']);
  });
});

describe('live-event merging', () => {
  it('applies newer versions and drops stale or repeated ones', () => {
    const b = new BoardState({ sprintId: 's1' });
    b.load([card({ id: 'a', version: 3, title: 'v3' })]);
    expect(b.applyLive(card({ id: 'a', version: 2, title: 'v2' }))).toBe('stale');
    expect(b.applyLive(card({ id: 'a', version: 3, title: 'again' }))).toBe('stale');
    expect(b.cards.get('a')!.title).toBe('v3');
    expect(b.applyLive(card({ id: 'a', version: 4, title: 'v4', status: 'DONE' }))).toBe('applied');
    expect(ids(b.columns().DONE)).toEqual(['a']);
  });

  it('adds new cards of this sprint, ignores other sprints and removes deleted or moved-away cards', () => {
    const b = new BoardState({ sprintId: 's1' });
    b.load([card({ id: 'a' }), card({ id: 'b' })]);
    expect(b.applyLive(card({ id: 'n' }))).toBe('applied');
    expect(b.applyLive(card({ id: 'o', sprintId: 's2' }))).toBe('ignored');
    expect(b.applyLive({ ...b.cards.get('a')!, deletedAt: '2026-01-01T00:00:00Z', version: 2 })).toBe('removed');
    expect(b.applyLive({ ...b.cards.get('b')!, sprintId: null, version: 2 })).toBe('removed');
    expect(ids(b.columns().TODO)).toEqual(['n']);
  });

  it('merges a further page without going back on newer versions', () => {
    const b = new BoardState({ sprintId: 's1' });
    b.load([card({ id: 'a', version: 4, title: 'v4' })]);
    b.merge([card({ id: 'a', version: 3, title: 'v3' }), card({ id: 'm', rank: 'zz' }), card({ id: 'o', sprintId: 's2' })]);
    expect(b.cards.get('a')!.title).toBe('v4');
    expect(ids(b.columns().TODO)).toEqual(['a', 'm']);
  });

  it('does not yank a card out of the hand that drags it: its event waits for the drop', () => {
    const b = new BoardState({ sprintId: 's1' });
    b.load([card({ id: 'a', rank: 'a' }), card({ id: 'b', rank: 'b' })]);
    b.startDrag('a');
    expect(b.applyLive({ ...b.cards.get('a')!, status: 'DONE', version: 2 })).toBe('deferred');
    expect(b.applyLive({ ...b.cards.get('a')!, status: 'IN_REVIEW', version: 3 })).toBe('deferred');
    expect(b.applyLive({ ...b.cards.get('a')!, status: 'DONE', version: 2 })).toBe('deferred');
    expect(ids(b.columns().TODO)).toEqual(['a', 'b']);
    // Other cards still update while one is dragged.
    expect(b.applyLive({ ...b.cards.get('b')!, status: 'DONE', version: 2 })).toBe('applied');
    b.endDrag('a');
    expect(b.cards.get('a')!.status).toBe('IN_REVIEW');
    expect(b.cards.get('a')!.version).toBe(3);
  });
});

describe('columns loaded page by page', () => {
  it('shows a partly loaded column up to its last loaded card, and everything once complete', () => {
    const b = new BoardState({ sprintId: 's1' });
    const first = [card({ id: 'a', rank: 'a' }), card({ id: 'b', rank: 'b' })];
    b.load(first);
    b.page('TODO', first, true);
    expect(b.complete('TODO')).toBe(false);
    // A live card ranked after the loaded part waits for its page; one ranked inside shows in place.
    b.applyLive(card({ id: 'z', rank: 'z' }));
    b.applyLive(card({ id: 'ab', rank: 'ab' }));
    expect(ids(b.columns().TODO)).toEqual(['a', 'ab', 'b']);
    const rest = [card({ id: 'c', rank: 'c' }), card({ id: 'z', rank: 'z' })];
    b.merge(rest);
    b.page('TODO', rest, false);
    expect(b.complete('TODO')).toBe(true);
    expect(ids(b.columns().TODO)).toEqual(['a', 'ab', 'b', 'c', 'z']);
  });

  it('shows a card moved into a partly loaded column where it was dropped', () => {
    const b = new BoardState({ sprintId: 's1' });
    const todo = [card({ id: 'a', rank: 'a' }), card({ id: 'b', rank: 'b' })];
    b.load([...todo, card({ id: 'x', rank: 'y', status: 'DONE' })]);
    b.page('TODO', todo, true);
    b.moveOptimistic('x', 'TODO', [{ id: 'a' }, { id: 'x' }, { id: 'b' }]);
    expect(ids(b.columns().TODO)).toEqual(['a', 'x', 'b']);
  });
});
