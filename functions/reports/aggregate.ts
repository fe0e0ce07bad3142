/**
 * The stored shape of a report aggregate (docs/access-patterns.md "Report aggregates"): a Tally
 * (maths.ts) as flat numeric attributes, so the stream handler can change any counter with one
 * `ADD name :delta` — nested maps would need their parents to exist first. Pure, no I/O.
 *
 *   tasks, points                         every (non-archived) task and its points
 *   s#<STATUS>#tasks, s#<STATUS>#points   by status
 *   m#<userId>#openTasks|openPoints|donePoints|timeSpentMinutes   by assignee
 *   d#<YYYY-MM-DD>                        points that became DONE that UTC day (burndown)
 *   dc#<YYYY-MM-DD>                       tasks that became DONE that UTC day
 *   due#<instant>                         open tasks due at that instant (overdue count)
 *   scope#<YYYY-MM-DD>#points|tasks       net change of the set's scope recorded that UTC day
 *
 * A counter back at 0 stays stored as 0 and reads as absent.
 */
import { addTask, emptyTally, STATUSES, utcDay, type TaskFact, type Tally } from './maths.ts';
import type { TaskStatusKey } from '../../model/keys.ts';

export type Counters = Record<string, number>;

/** The counters one task contributes (none when it is archived or has no known status). */
export function contribution(t: TaskFact | null): Counters {
  if (!t) return {};
  const tally = addTask(emptyTally(), t);
  const c: Counters = {};
  if (tally.tasks === 0) return c;
  c.tasks = tally.tasks;
  c.points = tally.points;
  for (const s of STATUSES) {
    if (tally.byStatus[s].tasks) c[`s#${s}#tasks`] = tally.byStatus[s].tasks;
    if (tally.byStatus[s].points) c[`s#${s}#points`] = tally.byStatus[s].points;
  }
  for (const [user, m] of Object.entries(tally.byMember)) {
    for (const [k, v] of Object.entries(m)) if (v) c[`m#${user}#${k}`] = v;
  }
  for (const [day, p] of Object.entries(tally.doneByDay)) c[`d#${day}`] = p;
  if (t.status === 'DONE') {
    const day = utcDay(t.doneAt ?? t.updatedAt);
    if (day) c[`dc#${day}`] = 1;
  }
  for (const [due, n] of Object.entries(tally.openDue)) c[`due#${due}`] = n;
  return c;
}

/** after − before, counter by counter, zeros left out. */
export function delta(before: Counters, after: Counters): Counters {
  const d: Counters = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const v = (after[k] ?? 0) - (before[k] ?? 0);
    if (v !== 0) d[k] = v;
  }
  return d;
}

/** Adds `b` into `a` (in place). */
export function addInto(a: Counters, b: Counters): Counters {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
  return a;
}

/** The scope counters of a change recorded on `day`: how the set's points and tasks moved. */
export function scopeDelta(d: Counters, day: string | null): Counters {
  if (!day || (!d.points && !d.tasks)) return {};
  const s: Counters = {};
  if (d.points) s[`scope#${day}#points`] = d.points;
  if (d.tasks) s[`scope#${day}#tasks`] = d.tasks;
  return s;
}

/** The Tally a stored aggregate item holds (an absent item: the empty tally). */
export function tallyFromItem(item: Record<string, unknown> | null | undefined): Tally {
  const tally = emptyTally();
  if (!item) return tally;
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
  tally.tasks = num(item.tasks);
  tally.points = num(item.points);
  for (const [k, v] of Object.entries(item)) {
    const n = num(v);
    if (n === 0) continue;
    const parts = k.split('#');
    if (parts[0] === 's' && parts.length === 3 && (STATUSES as string[]).includes(parts[1]!)) {
      const s = tally.byStatus[parts[1] as TaskStatusKey];
      if (parts[2] === 'tasks') s.tasks = n;
      else if (parts[2] === 'points') s.points = n;
    } else if (parts[0] === 'm' && parts.length === 3) {
      const m = (tally.byMember[parts[1]!] ??= { openTasks: 0, openPoints: 0, donePoints: 0, timeSpentMinutes: 0 });
      if (parts[2] === 'openTasks' || parts[2] === 'openPoints' || parts[2] === 'donePoints' || parts[2] === 'timeSpentMinutes') m[parts[2]] = n;
    } else if (parts[0] === 'd' && parts.length === 2) {
      tally.doneByDay[parts[1]!] = n;
    } else if (k.startsWith('due#')) {
      tally.openDue[k.slice(4)] = n;
    }
  }
  // A member whose counters all went back to 0 is no longer in the workload.
  for (const [user, m] of Object.entries(tally.byMember)) {
    if (!m.openTasks && !m.openPoints && !m.donePoints && !m.timeSpentMinutes) delete tally.byMember[user];
  }
  return tally;
}

/** Per-day scope and done figures of an aggregate (YYYY-MM-DD → numbers), oldest first. */
export function dailyFromItem(item: Record<string, unknown> | null | undefined): { date: string; scopePoints: number; scopeTasks: number; donePoints: number; doneTasks: number }[] {
  const days = new Map<string, { date: string; scopePoints: number; scopeTasks: number; donePoints: number; doneTasks: number }>();
  const row = (date: string) => days.get(date) ?? days.set(date, { date, scopePoints: 0, scopeTasks: 0, donePoints: 0, doneTasks: 0 }).get(date)!;
  for (const [k, v] of Object.entries(item ?? {})) {
    if (typeof v !== 'number') continue;
    const parts = k.split('#');
    if (parts[0] === 'scope' && parts[2] === 'points') row(parts[1]!).scopePoints += v;
    else if (parts[0] === 'scope' && parts[2] === 'tasks') row(parts[1]!).scopeTasks += v;
    else if (parts[0] === 'd' && parts.length === 2) row(parts[1]!).donePoints += v;
    else if (parts[0] === 'dc') row(parts[1]!).doneTasks += v;
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
