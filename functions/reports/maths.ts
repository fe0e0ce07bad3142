/**
 * The report maths: pure functions, no I/O. They never see the table: they read a `Tally` (the
 * counters of a set of tasks — a sprint's, or a project's board) and the few items around it (the
 * sprint, completed sprints, display names), all handed over by source.ts. A Tally is exactly what a
 * stream handler can keep up to date as pre-aggregated items (ADD on every change), so switching
 * source.ts from Queries to aggregate items leaves this file as it is.
 *
 * Days are UTC days (YYYY-MM-DD of the ISO instant in UTC), whatever a member's profile time zone:
 * a burndown point is "the end of that UTC day".
 * Archived tasks are not counted anywhere (lists hide them; they are not the sprint's work).
 */
import type { TaskStatusKey } from '../../model/keys.ts';

export const STATUSES: TaskStatusKey[] = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'];

/** What the maths needs of one task. */
export interface TaskFact {
  status: TaskStatusKey;
  estimatePoints?: number | null;
  assigneeId?: string | null;
  dueAt?: string | null;
  timeSpentMinutes?: number | null;
  /** When it became DONE (moveTask records it); DONE tasks from before that fall back to updatedAt. */
  doneAt?: string | null;
  updatedAt?: string | null;
  archived?: boolean | null;
}

export interface MemberTally {
  openTasks: number;
  openPoints: number;
  donePoints: number;
  timeSpentMinutes: number;
}

/** Counters over a set of tasks (archived ones excluded). */
export interface Tally {
  tasks: number;
  points: number;
  byStatus: Record<TaskStatusKey, { tasks: number; points: number }>;
  /** By assignee id (unassigned work is in byStatus only). */
  byMember: Record<string, MemberTally>;
  /** Points of DONE tasks by the UTC day they became DONE. */
  doneByDay: Record<string, number>;
  /** Open (not DONE) tasks with a due date: how many are due at each instant. */
  openDue: Record<string, number>;
}

export function emptyTally(): Tally {
  const byStatus = {} as Tally['byStatus'];
  for (const s of STATUSES) byStatus[s] = { tasks: 0, points: 0 };
  return { tasks: 0, points: 0, byStatus, byMember: {}, doneByDay: {}, openDue: {} };
}

const points = (t: TaskFact): number => (typeof t.estimatePoints === 'number' && t.estimatePoints > 0 ? t.estimatePoints : 0);

/** YYYY-MM-DD of an instant, in UTC; null for a missing or unparsable value. */
export function utcDay(instant: string | null | undefined): string | null {
  if (!instant) return null;
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** Adds one task to the tally (in place) and returns the tally. */
export function addTask(tally: Tally, t: TaskFact): Tally {
  if (t.archived === true || !STATUSES.includes(t.status)) return tally;
  const p = points(t);
  const done = t.status === 'DONE';
  tally.tasks += 1;
  tally.points += p;
  tally.byStatus[t.status].tasks += 1;
  tally.byStatus[t.status].points += p;
  if (t.assigneeId) {
    const m = (tally.byMember[t.assigneeId] ??= { openTasks: 0, openPoints: 0, donePoints: 0, timeSpentMinutes: 0 });
    if (done) m.donePoints += p;
    else {
      m.openTasks += 1;
      m.openPoints += p;
    }
    m.timeSpentMinutes += t.timeSpentMinutes ?? 0;
  }
  if (done) {
    const day = utcDay(t.doneAt ?? t.updatedAt);
    if (day && p > 0) tally.doneByDay[day] = (tally.doneByDay[day] ?? 0) + p;
  } else if (t.dueAt) {
    tally.openDue[t.dueAt] = (tally.openDue[t.dueAt] ?? 0) + 1;
  }
  return tally;
}

export function tallyOf(tasks: Iterable<TaskFact>): Tally {
  const tally = emptyTally();
  for (const t of tasks) addTask(tally, t);
  return tally;
}

// ---- report parts -------------------------------------------------------------------------------

export interface StatusCount {
  status: TaskStatusKey;
  tasks: number;
  points: number;
}

export function statusBreakdown(tally: Tally): StatusCount[] {
  return STATUSES.map((status) => ({ status, tasks: tally.byStatus[status].tasks, points: tally.byStatus[status].points }));
}

export interface MemberWorkload extends MemberTally {
  userId: string;
  displayName: string | null;
}

/** One row per assignee, by display name (people no longer in the project have none, and come last). */
export function workload(tally: Tally, displayNames: ReadonlyMap<string, string | null>): MemberWorkload[] {
  return Object.entries(tally.byMember)
    .map(([userId, m]) => ({ userId, displayName: displayNames.get(userId) ?? null, ...m }))
    .sort((a, b) => {
      if (a.displayName === null || b.displayName === null) {
        if (a.displayName !== b.displayName) return a.displayName === null ? 1 : -1;
      } else if (a.displayName !== b.displayName) return a.displayName.localeCompare(b.displayName);
      return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
    });
}

/** Open tasks whose due instant is strictly before `now`. */
export function overdue(tally: Tally, now: Date): number {
  let n = 0;
  for (const [dueAt, count] of Object.entries(tally.openDue)) {
    const ms = Date.parse(dueAt);
    if (!Number.isNaN(ms) && ms < now.getTime()) n += count;
  }
  return n;
}

export interface BurndownPoint {
  date: string;
  remainingPoints: number;
  idealPoints: number;
}

const DAY_MS = 86_400_000;
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
const round2 = (n: number): number => Math.round(n * 100) / 100;

export interface BurndownInput {
  /** First day of the sprint (any instant of it); null: no burndown. */
  start: string | null;
  /** Last day of the sprint (any instant of it); null: open-ended, the series runs to today. */
  end: string | null;
  /** The points the sprint set out to burn. */
  committed: number;
  /** Points of DONE tasks by the UTC day they became DONE. */
  doneByDay: Record<string, number>;
  now: Date;
}

/**
 * Most points a burndown holds. Sprints last at most 366 days (docs/dates.md), but one stored before
 * that rule may span centuries: its burndown shows the last MAX_BURNDOWN_DAYS days only, so the work
 * and the answer stay small whatever the stored dates.
 */
export const MAX_BURNDOWN_DAYS = 366;

/**
 * One point per UTC day from the start day to min(end day, today) — the last MAX_BURNDOWN_DAYS of
 * them: the points still to do at the end of that day (committed minus what was DONE by then, never
 * below 0), and the ideal line, linear from `committed` to 0 over the sprint's days — at the end of
 * day i (0-based) of n days it is committed × (n − 1 − i) / n, so the last day of the sprint ends at 0.
 * Work DONE before the first day shown counts on that day.
 */
export function burndown(input: BurndownInput): BurndownPoint[] {
  const startDay = utcDay(input.start);
  if (!startDay) return [];
  const today = utcDay(input.now.toISOString())!;
  const endDay = utcDay(input.end) ?? today;
  if (endDay < startDay) return [];
  const lastDay = endDay < today ? endDay : today;
  if (lastDay < startDay) return [];
  const first = dayMs(startDay);
  const days = Math.round((dayMs(endDay) - first) / DAY_MS) + 1;
  const shown = Math.round((dayMs(lastDay) - first) / DAY_MS) + 1;
  const from = Math.max(0, shown - MAX_BURNDOWN_DAYS);
  const fromDay = new Date(first + from * DAY_MS).toISOString().slice(0, 10);

  // Done points up to and including each shown day (what was DONE before the first one counts on it).
  let doneBefore = 0;
  for (const [day, p] of Object.entries(input.doneByDay)) if (day < fromDay) doneBefore += p;
  const series: BurndownPoint[] = [];
  let done = doneBefore;
  for (let i = from; i < shown; i++) {
    const date = new Date(first + i * DAY_MS).toISOString().slice(0, 10);
    done += input.doneByDay[date] ?? 0;
    series.push({
      date,
      remainingPoints: Math.max(0, input.committed - done),
      idealPoints: round2((input.committed * (days - 1 - i)) / days),
    });
  }
  return series;
}

// ---- the reports --------------------------------------------------------------------------------

/** The fields of a sprint item the reports read (the item itself is handed back as `sprint`). */
export interface SprintFact {
  id: string;
  projectId: string;
  name: string;
  state: string;
  startsAt?: string | null;
  endsAt?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  /** Recorded when the sprint completed (completeSprint or the carry-over worker). */
  committedPoints?: number | null;
  completedPoints?: number | null;
  [k: string]: unknown;
}

export interface SprintReport {
  sprint: SprintFact;
  committedPoints: number;
  completedPoints: number;
  burndown: BurndownPoint[];
  statusBreakdown: StatusCount[];
  workload: MemberWorkload[];
  overdueTasks: number;
  generatedAt: string;
}

/**
 * A sprint's report from the tally of the tasks now in its partition. A completed sprint's committed
 * and completed points are the ones recorded at completion (its unfinished tasks have left since);
 * otherwise committed = every point now in the sprint, completed = the DONE ones.
 */
export function sprintReport(input: { sprint: SprintFact; tally: Tally; displayNames: ReadonlyMap<string, string | null>; now: Date }): SprintReport {
  const { sprint, tally, now } = input;
  const recorded = typeof sprint.committedPoints === 'number' && typeof sprint.completedPoints === 'number';
  const committedPoints = recorded ? (sprint.committedPoints as number) : tally.points;
  const completedPoints = recorded ? (sprint.completedPoints as number) : tally.byStatus.DONE.points;
  return {
    sprint,
    committedPoints,
    completedPoints,
    burndown: burndown({
      start: sprint.startsAt ?? sprint.startedAt ?? null,
      end: sprint.endsAt ?? sprint.completedAt ?? null,
      committed: committedPoints,
      doneByDay: tally.doneByDay,
      now,
    }),
    statusBreakdown: statusBreakdown(tally),
    workload: workload(tally, input.displayNames),
    overdueTasks: overdue(tally, now),
    generatedAt: now.toISOString(),
  };
}

export interface SprintVelocity {
  sprintId: string;
  name: string;
  committedPoints: number;
  completedPoints: number;
  completedAt: string | null;
}

/** Completed sprints, oldest completion first, with the points recorded on each. */
export function velocity(sprints: SprintFact[]): SprintVelocity[] {
  return sprints
    .filter((s) => s.state === 'COMPLETED')
    .map((s) => ({
      sprintId: s.id,
      name: s.name,
      committedPoints: s.committedPoints ?? 0,
      completedPoints: s.completedPoints ?? 0,
      completedAt: s.completedAt ?? null,
    }))
    .sort((a, b) => ((a.completedAt ?? '') < (b.completedAt ?? '') ? -1 : (a.completedAt ?? '') > (b.completedAt ?? '') ? 1 : 0));
}

export interface ProjectReport {
  projectId: string;
  velocity: SprintVelocity[];
  statusBreakdown: StatusCount[];
  workload: MemberWorkload[];
  overdueTasks: number;
  generatedAt: string;
}

/** A project's report: velocity of its completed sprints, and the tally of its board (every column). */
export function projectReport(input: {
  projectId: string;
  completedSprints: SprintFact[];
  tally: Tally;
  displayNames: ReadonlyMap<string, string | null>;
  now: Date;
}): ProjectReport {
  return {
    projectId: input.projectId,
    velocity: velocity(input.completedSprints),
    statusBreakdown: statusBreakdown(input.tally),
    workload: workload(input.tally, input.displayNames),
    overdueTasks: overdue(input.tally, input.now),
    generatedAt: input.now.toISOString(),
  };
}
