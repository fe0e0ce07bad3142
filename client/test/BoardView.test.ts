/**
 * Board.vue mounted (component logic, not the network): the API is replaced by an in-memory stand-in
 * for `src/apollo.ts` and `src/live.ts` that serves tasksByStatus by rank and page, and lets a test
 * refuse a move. The real API is driven by the browser suite (test/e2e).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { computed, ref } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import Board from '../src/views/Board.vue';
import { projectKey, type ProjectContext } from '../src/lib/project';
import { notice } from '../src/lib/notice';
import type { Card, Status } from '../src/lib/board';
import { MOVE_TASK, TASK, TASKS_BY_STATUS } from '../src/ops';

interface Api {
  tasks: Map<string, Card>;
  calls: { source: string; vars: Record<string, any> }[];
  /** The next moveTask answers with this (a thrown error: the API refused). */
  move?: (vars: Record<string, any>) => Promise<unknown>;
  live?: (d: { onTaskChanged: Card | null }) => void;
  reconnect?: () => void;
}
const api: Api = { tasks: new Map(), calls: [] };

vi.mock('../src/apollo', () => ({
  async query(source: string, vars: Record<string, any>) {
    api.calls.push({ source, vars });
    if (source === TASKS_BY_STATUS) {
      const column = [...api.tasks.values()].filter((t) => t.status === vars.s && (!vars.sprint || t.sprintId === vars.sprint)).sort((a, b) => (a.rank < b.rank ? -1 : 1));
      const start = vars.next ? Number(vars.next) : 0;
      const items = column.slice(start, start + vars.limit);
      return { tasksByStatus: { items, nextToken: start + vars.limit < column.length ? String(start + vars.limit) : null } };
    }
    if (source === TASK) return { task: api.tasks.get(vars.id) ?? null };
    throw new Error(`unexpected query ${source.slice(0, 40)}`);
  },
  async mutate(source: string, vars: Record<string, any>) {
    api.calls.push({ source, vars });
    if (source === MOVE_TASK && api.move) return api.move(vars);
    throw new Error(`unexpected mutation ${source.slice(0, 40)}`);
  },
}));
vi.mock('../src/live', () => ({
  subscribe: (_q: string, _v: unknown, next: Api['live']) => {
    api.live = next;
    return () => undefined;
  },
  onReconnect: (l: () => void) => {
    api.reconnect = l;
    return () => undefined;
  },
}));

let n = 0;
function task(over: Partial<Card> = {}): Card {
  n++;
  const t: Card = {
    id: `t${n}`, projectId: 'p1', key: `TW-${n}`, title: `Task ${n}`, status: 'TODO', priority: 'MEDIUM', labels: [],
    assigneeId: null, sprintId: 's1', rank: `r${String(n).padStart(4, '0')}`, version: 1, ...over,
  };
  api.tasks.set(t.id, t);
  return t;
}

function context(): ProjectContext {
  const project = ref<any>({ id: 'p1', activeSprintId: 's1', archived: false, myRole: 'MEMBER' });
  const members = ref<any[]>([{ userId: 'u-ada', displayName: 'Ada Admin' }, { userId: 'u-max', displayName: 'Max Member' }]);
  return {
    project,
    members,
    canEdit: computed(() => true),
    isAdmin: computed(() => false),
    memberName: (id) => members.value.find((m) => m.userId === id)?.displayName ?? 'Unassigned',
    reload: async () => undefined,
  };
}

let router: Router;
let wrapper: VueWrapper | undefined;
async function mountBoard(path = '/p/p1'): Promise<VueWrapper> {
  router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/p/:projectId', component: Board, props: true }] });
  await router.push(path);
  await router.isReady();
  wrapper = mount(Board, { props: { projectId: 'p1' }, global: { plugins: [router], provide: { [projectKey as symbol]: context() }, stubs: { RouterLink: true } }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}
const column = (w: VueWrapper, s: Status) => w.get(`[data-testid=column-${s}]`).findAll('[data-testid=card]').map((c) => c.attributes('aria-label')!.split(':')[0]);

beforeEach(() => {
  api.tasks.clear();
  api.calls = [];
  api.move = undefined;
  n = 0;
  notice.text = '';
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe('Board.vue: ordering and pages', () => {
  it('shows each column in rank order, its first page only, and the next page when asked', async () => {
    for (let i = 0; i < 30; i++) task();
    task({ status: 'DONE', rank: 'a' });
    task({ status: 'DONE', rank: '0' });
    task({ sprintId: 's2' }); // another sprint: not on this board
    const w = await mountBoard();
    expect(column(w, 'DONE')).toEqual(['TW-32', 'TW-31']);
    const todo = column(w, 'TODO');
    expect(todo).toHaveLength(25);
    expect(todo.slice(0, 3)).toEqual(['TW-1', 'TW-2', 'TW-3']);
    expect(w.get('[aria-label="To do"] h2').text()).toContain('25+');
    // Only first pages were asked for: nothing else blocks the first screen.
    expect(api.calls.filter((c) => c.source === TASKS_BY_STATUS).map((c) => c.vars.next)).toEqual([null, null, null, null]);
    await w.get('[aria-label="To do"]').findAll('button').find((b) => b.text() === 'Load more')!.trigger('click');
    await flushPromises();
    expect(column(w, 'TODO')).toEqual(Array.from({ length: 30 }, (_, i) => `TW-${i + 1}`));
    expect(w.get('[aria-label="To do"]').findAll('button').some((b) => b.text() === 'Load more')).toBe(false);
  });

  it('keeps a live card ranked beyond the loaded part of a column out of sight until its page loads', async () => {
    for (let i = 0; i < 30; i++) task();
    const w = await mountBoard();
    const late = task({ rank: 'r9999', title: 'Ranked last' });
    api.live!({ onTaskChanged: late });
    await flushPromises();
    expect(column(w, 'TODO')).not.toContain(late.key);
    const early = task({ rank: 'r0000', title: 'Ranked first' });
    api.live!({ onTaskChanged: early });
    await flushPromises();
    expect(column(w, 'TODO')[0]).toBe(early.key);
  });
});

describe('Board.vue: optimistic move and rollback', () => {
  it('moves a card at once, then puts it back and says why when the API refuses', async () => {
    const a = task();
    task();
    const x = task({ status: 'IN_PROGRESS' });
    const w = await mountBoard();
    let refuse!: (e: unknown) => void;
    api.move = () => new Promise((_ok, fail) => (refuse = fail));
    // Alt+→ on a focused card: the keyboard's drag to the next column.
    await w.get(`[aria-label="${a.key}: ${a.title}"]`).trigger('keydown', { key: 'ArrowRight', altKey: true });
    await flushPromises();
    expect(column(w, 'IN_PROGRESS')).toEqual([x.key, a.key]);
    expect(column(w, 'TODO')).toEqual(['TW-2']);
    const sent = api.calls.find((c) => c.source === MOVE_TASK)!.vars.input;
    expect(sent).toEqual({ id: a.id, status: 'IN_PROGRESS', afterId: x.id, beforeId: null, expectedVersion: 1 });
    // Someone else moved it meanwhile: the API answers ConflictError.
    api.tasks.set(a.id, { ...a, status: 'IN_REVIEW', rank: 'r5000', version: 2 });
    refuse({ graphQLErrors: [{ errorType: 'ConflictError', message: 'version mismatch', errorInfo: { currentVersion: 2 } }] });
    await flushPromises();
    expect(notice.text).toBe(`Moving ${a.key} was undone: someone else changed this in the meantime, so your change was undone. The latest version is shown.`);
    // Rolled back, then the server's version (fetched after the refusal) is shown.
    expect(column(w, 'IN_PROGRESS')).toEqual([x.key]);
    expect(column(w, 'IN_REVIEW')).toEqual([a.key]);
    expect(api.calls.filter((c) => c.source === TASK).map((c) => c.vars.id)).toEqual([a.id]);
  });

  it("keeps the move when the API accepts it and takes the server's card", async () => {
    const a = task();
    const b = task();
    const w = await mountBoard();
    api.move = async (vars) => ({ moveTask: { ...api.tasks.get(vars.input.id)!, status: 'TODO', rank: 'r0000', version: 2 } });
    // Alt+↓ on the first card: below the second.
    await w.get(`[aria-label="${a.key}: ${a.title}"]`).trigger('keydown', { key: 'ArrowDown', altKey: true });
    await flushPromises();
    expect(api.calls.find((c) => c.source === MOVE_TASK)!.vars.input).toMatchObject({ afterId: b.id, beforeId: null });
    // The server's answer (its rank) decides the final order.
    expect(column(w, 'TODO')).toEqual([a.key, b.key]);
    expect(notice.text).toBe('');
  });
});

describe('Board.vue: filters in the URL', () => {
  it('reads filters from the URL and writes a changed filter back, keeping the rest of the query', async () => {
    task({ title: 'Fix login', labels: ['client'], priority: 'HIGH' });
    task({ title: 'Write docs', labels: ['docs'], priority: 'HIGH' });
    task({ title: 'Fix docs', labels: ['docs'], priority: 'LOW' });
    const w = await mountBoard('/p/p1?label=docs&task=t9');
    expect(column(w, 'TODO')).toEqual(['TW-2', 'TW-3']);
    expect((w.get('select[name=label]').element as HTMLSelectElement).value).toBe('docs');
    await w.get('select[name=priority]').setValue('HIGH');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ task: 't9', label: 'docs', priority: 'HIGH' });
    expect(column(w, 'TODO')).toEqual(['TW-2']);
    await w.get('input[name=q]').setValue('fix');
    await w.get('input[name=q]').trigger('change');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ task: 't9', label: 'docs', priority: 'HIGH', q: 'fix' });
    expect(column(w, 'TODO')).toEqual([]);
    expect(w.get('[aria-label="To do"]').text()).toContain('No cards match the filters');
    // A link with other filters (e.g. a shared URL): the board and the controls follow it.
    await router.push('/p/p1?priority=LOW');
    await flushPromises();
    expect(column(w, 'TODO')).toEqual(['TW-3']);
    expect((w.get('select[name=label]').element as HTMLSelectElement).value).toBe('');
    expect((w.get('select[name=priority]').element as HTMLSelectElement).value).toBe('LOW');
    expect((w.get('input[name=q]').element as HTMLInputElement).value).toBe('');
  });

  it('loads every page of the board while a filter is set (a filter must see every card)', async () => {
    for (let i = 0; i < 60; i++) task({ labels: i === 55 ? ['rare'] : [] });
    const w = await mountBoard('/p/p1?label=rare');
    expect(column(w, 'TODO')).toEqual(['TW-56']);
    expect(w.get('[aria-label="To do"] h2').text()).not.toContain('+');
  });
});

describe('Board.vue: live events', () => {
  it('applies newer versions, drops stale ones, and re-queries after a reconnect', async () => {
    const a = task({ title: 'v1' });
    const w = await mountBoard();
    api.live!({ onTaskChanged: { ...a, title: 'v3', version: 3 } });
    await flushPromises();
    expect(w.text()).toContain('v3');
    api.live!({ onTaskChanged: { ...a, title: 'v2 (late)', version: 2, status: 'DONE' } });
    await flushPromises();
    expect(w.text()).not.toContain('v2 (late)');
    expect(column(w, 'TODO')).toEqual([a.key]);
    // While offline a card was added: the reconnect re-query shows it.
    const missed = task({ title: 'Made while offline' });
    api.reconnect!();
    await flushPromises();
    expect(column(w, 'TODO')).toEqual([a.key, missed.key]);
  });
});
