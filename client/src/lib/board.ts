/**
 * The board's logic, free of Vue and of the network so it is unit-tested: cards grouped into status
 * columns in rank order, filters, optimistic moves with rollback, and live events merged by version.
 *
 * Ranks are opaque (schema.graphql: "Never parse it"): the client only compares them. A card moved
 * optimistically keeps its old rank until the server answers, so its place is recorded as "after card
 * X" / "before card Y" and laid over the rank order until then.
 */
export const STATUSES = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABEL: Record<Status, string> = { TODO: 'To do', IN_PROGRESS: 'In progress', IN_REVIEW: 'In review', DONE: 'Done' };

export interface Card {
  id: string;
  projectId: string;
  key: string;
  title: string;
  status: Status;
  priority: string;
  labels: string[];
  assigneeId?: string | null;
  sprintId?: string | null;
  storyId?: string | null;
  dueAt?: string | null;
  estimatePoints?: number | null;
  rank: string;
  archived?: boolean;
  deletedAt?: string | null;
  version: number;
  updatedAt?: string;
}

export interface Filters {
  assignee?: string;
  label?: string;
  priority?: string;
  q?: string;
}

/** Ascending rank; equal ranks (never left by the server, but possible mid-merge) fall back to the id. */
export function byRank(a: Pick<Card, 'rank' | 'id'>, b: Pick<Card, 'rank' | 'id'>): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function matches(card: Card, f: Filters): boolean {
  if (f.assignee) {
    if (f.assignee === 'none' ? card.assigneeId : card.assigneeId !== f.assignee) return false;
  }
  if (f.label && !card.labels.includes(f.label)) return false;
  if (f.priority && card.priority !== f.priority) return false;
  if (f.q) {
    const q = f.q.toLowerCase();
    if (!card.title.toLowerCase().includes(q) && !card.key.toLowerCase().includes(q)) return false;
  }
  return true;
}

interface Placement {
  status: Status;
  afterId: string | null;
  beforeId: string | null;
}

interface Pending {
  /** The card as it was before the move, restored on failure. */
  before: Card;
  place: Placement;
}

/** What the board shows: only cards of this sprint (or every non-archived card when sprintId is null). */
export interface BoardScope {
  sprintId: string | null;
}

export class BoardState {
  readonly cards = new Map<string, Card>();
  readonly pending = new Map<string, Pending>();
  /** Cards held by a drag: live events for them wait here until the drop. */
  readonly dragging = new Set<string>();
  readonly deferred = new Map<string, Card>();
  /**
   * Columns loaded only in part (a column is a paginated Query by rank): the last card loaded. Cards
   * ranked after it are not shown until their page is loaded (a live event may bring such a card
   * early; showing it at the end of the loaded part would put it in the wrong place).
   */
  readonly frontier = new Map<Status, Pick<Card, 'rank' | 'id'>>();

  constructor(readonly scope: BoardScope = { sprintId: null }) {}

  inScope(c: Card): boolean {
    if (c.deletedAt || c.archived) return false;
    return this.scope.sprintId === null || c.sprintId === this.scope.sprintId;
  }

  /** Replaces everything with a fresh query's result (after a reconnect); pending moves stay on top. */
  load(cards: Card[]): void {
    this.cards.clear();
    this.frontier.clear();
    for (const c of cards) if (this.inScope(c)) this.cards.set(c.id, c);
  }

  /**
   * Records a page of `status`'s column (already loaded or merged): with `more`, the column continues
   * after the page's last card; without, the column is complete.
   */
  page(status: Status, cards: readonly Card[], more: boolean): void {
    const last = cards[cards.length - 1];
    if (more && last) this.frontier.set(status, { rank: last.rank, id: last.id });
    else this.frontier.delete(status);
  }

  /** Whether every page of the column is loaded. */
  complete(status: Status): boolean {
    return !this.frontier.has(status);
  }

  /** Adds a further page of a column (cards already shown at the same or a newer version stay). */
  merge(cards: Card[]): void {
    for (const c of cards) {
      const cur = this.cards.get(c.id);
      if (this.inScope(c) && (!cur || cur.version < c.version)) this.cards.set(c.id, c);
    }
  }

  /** Columns in board order, filtered. */
  columns(filters: Filters = {}): Record<Status, Card[]> {
    const out = { TODO: [], IN_PROGRESS: [], IN_REVIEW: [], DONE: [] } as Record<Status, Card[]>;
    const moved: Card[] = [];
    for (const c of this.cards.values()) {
      const p = this.pending.get(c.id);
      if (p) moved.push({ ...c, status: p.place.status });
      else if (this.loaded(c)) out[c.status]?.push(c);
    }
    for (const s of STATUSES) out[s].sort(byRank);
    // Optimistic placements go in after the rank order, in the order they were made.
    for (const c of moved) {
      const p = this.pending.get(c.id)!.place;
      const col = out[p.status];
      let at = col.length;
      const after = p.afterId ? col.findIndex((x) => x.id === p.afterId) : -1;
      const before = p.beforeId ? col.findIndex((x) => x.id === p.beforeId) : -1;
      if (after >= 0) at = after + 1;
      else if (before >= 0) at = before;
      col.splice(at, 0, c);
    }
    for (const s of STATUSES) out[s] = out[s].filter((c) => matches(c, filters));
    return out;
  }

  /** Whether the card's place in its column is within the part loaded so far. */
  private loaded(c: Card): boolean {
    const f = this.frontier.get(c.status);
    return !f || byRank(c, f) <= 0;
  }

  /**
   * Moves a card to `index` in `status`'s column as the user sees it (`visible`: that column's cards
   * after the drop, the moved card included). Returns the MoveTaskInput neighbours to send.
   */
  moveOptimistic(id: string, status: Status, visible: readonly Pick<Card, 'id'>[]): Placement & { expectedVersion: number } {
    const card = this.cards.get(id);
    if (!card) throw new Error(`no card ${id}`);
    const index = visible.findIndex((c) => c.id === id);
    const afterId = index > 0 ? visible[index - 1]!.id : null;
    const beforeId = index >= 0 && index < visible.length - 1 ? visible[index + 1]!.id : null;
    const place = { status, afterId, beforeId };
    const prior = this.pending.get(id);
    this.pending.set(id, { before: prior?.before ?? card, place });
    return { ...place, expectedVersion: card.version };
  }

  /** The server accepted the move: its answer replaces the card (unless a newer event already did). */
  confirm(id: string, server: Card): void {
    this.pending.delete(id);
    this.applyServer(server);
  }

  /** The server refused the move: the card goes back where it was. */
  rollback(id: string): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (p && (this.cards.get(id)?.version ?? -1) <= p.before.version) this.cards.set(id, p.before);
  }

  startDrag(id: string): void {
    this.dragging.add(id);
  }

  endDrag(id: string): void {
    this.dragging.delete(id);
    const held = this.deferred.get(id);
    this.deferred.delete(id);
    if (held) this.applyLive(held);
  }

  /**
   * A live event (onTaskChanged). Returns what happened: 'stale' events (a version not newer than the
   * one shown) are dropped; events for a card in someone's hand wait for the drop ('deferred').
   */
  applyLive(task: Card): 'applied' | 'stale' | 'deferred' | 'removed' | 'ignored' {
    if (this.dragging.has(task.id)) {
      const held = this.deferred.get(task.id);
      if (!held || held.version < task.version) this.deferred.set(task.id, task);
      return 'deferred';
    }
    return this.applyServer(task);
  }

  private applyServer(task: Card): 'applied' | 'stale' | 'removed' | 'ignored' {
    const current = this.cards.get(task.id);
    if (current && task.version <= current.version && !task.deletedAt) return 'stale';
    if (!this.inScope(task)) {
      if (!current) return 'ignored';
      this.cards.delete(task.id);
      return 'removed';
    }
    this.cards.set(task.id, current ? { ...current, ...task } : task);
    return 'applied';
  }
}
