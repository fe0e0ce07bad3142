/**
 * The report maths (functions/reports/maths.ts) as pure functions with given dates: the burndown over
 * UTC days, the ideal line, the tally of a set of tasks, workload, overdue, velocity. The API's clock
 * cannot be changed, so the day-by-day shape of a burndown is checked here; test/reports/api.test.ts
 * checks the same maths end to end through the API.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_BURNDOWN_DAYS,
  burndown,
  overdue,
  projectReport,
  sprintReport,
  statusBreakdown,
  tallyOf,
  utcDay,
  velocity,
  workload,
  type SprintFact,
  type TaskFact,
} from '../../functions/reports/maths.ts';

const at = (iso: string) => new Date(iso);

describe('burndown', () => {
  // A 5-day sprint (Mon 3 – Fri 7 March 2025), 20 points committed.
  const sprint = { start: '2025-03-03T09:00:00.000Z', end: '2025-03-07T17:00:00.000Z', committed: 20 };

  it('one point per UTC day from the start to the end, remaining at the end of each day, ideal down to 0', () => {
    const series = burndown({
      ...sprint,
      doneByDay: { '2025-03-03': 3, '2025-03-05': 5, '2025-03-07': 2 },
      now: at('2025-03-20T12:00:00.000Z'),
    });
    expect(series).toEqual([
      { date: '2025-03-03', remainingPoints: 17, idealPoints: 16 },
      { date: '2025-03-04', remainingPoints: 17, idealPoints: 12 },
      { date: '2025-03-05', remainingPoints: 12, idealPoints: 8 },
      { date: '2025-03-06', remainingPoints: 12, idealPoints: 4 },
      { date: '2025-03-07', remainingPoints: 10, idealPoints: 0 },
    ]);
  });

  it('stops at today while the sprint runs; the ideal line still spans the whole sprint', () => {
    const series = burndown({ ...sprint, doneByDay: { '2025-03-04': 8 }, now: at('2025-03-05T00:00:01.000Z') });
    expect(series).toEqual([
      { date: '2025-03-03', remainingPoints: 20, idealPoints: 16 },
      { date: '2025-03-04', remainingPoints: 12, idealPoints: 12 },
      { date: '2025-03-05', remainingPoints: 12, idealPoints: 8 },
    ]);
  });

  it('uses UTC days: 23:30 UTC is still that day, whatever the offset the instant was written with', () => {
    expect(utcDay('2025-03-04T23:30:00.000Z')).toBe('2025-03-04');
    expect(utcDay('2025-03-05T01:30:00+02:00')).toBe('2025-03-04');
    const t: TaskFact = { status: 'DONE', estimatePoints: 5, doneAt: '2025-03-05T01:30:00+02:00' };
    expect(tallyOf([t]).doneByDay).toEqual({ '2025-03-04': 5 });
  });

  it('counts work DONE before the start on the first day, and never goes below zero', () => {
    const series = burndown({ ...sprint, committed: 4, doneByDay: { '2025-02-28': 3, '2025-03-03': 5 }, now: at('2025-03-04T10:00:00Z') });
    expect(series.map((p) => p.remainingPoints)).toEqual([0, 0]);
  });

  it('is empty before the start or without a start; open-ended sprints run to today', () => {
    expect(burndown({ ...sprint, doneByDay: {}, now: at('2025-03-02T23:59:59Z') })).toEqual([]);
    expect(burndown({ ...sprint, start: null, doneByDay: {}, now: at('2025-03-05T10:00:00Z') })).toEqual([]);
    const open = burndown({ start: '2025-03-03T00:00:00Z', end: null, committed: 9, doneByDay: { '2025-03-04': 3 }, now: at('2025-03-05T10:00:00Z') });
    expect(open).toEqual([
      { date: '2025-03-03', remainingPoints: 9, idealPoints: 6 },
      { date: '2025-03-04', remainingPoints: 6, idealPoints: 3 },
      { date: '2025-03-05', remainingPoints: 6, idealPoints: 0 },
    ]);
  });

  it('rounds the ideal line to hundredths; a one-day sprint ends at 0', () => {
    const three = burndown({ start: '2025-03-03T00:00:00Z', end: '2025-03-05T00:00:00Z', committed: 10, doneByDay: {}, now: at('2025-04-01T00:00:00Z') });
    expect(three.map((p) => p.idealPoints)).toEqual([6.67, 3.33, 0]);
    const one = burndown({ start: '2025-03-03T08:00:00Z', end: '2025-03-03T18:00:00Z', committed: 10, doneByDay: {}, now: at('2025-04-01T00:00:00Z') });
    expect(one).toEqual([{ date: '2025-03-03', remainingPoints: 10, idealPoints: 0 }]);
  });

  it('crosses month and year ends day by day', () => {
    const series = burndown({ start: '2024-12-30T00:00:00Z', end: '2025-01-02T00:00:00Z', committed: 4, doneByDay: { '2025-01-01': 4 }, now: at('2025-02-01T00:00:00Z') });
    expect(series.map((p) => [p.date, p.remainingPoints])).toEqual([
      ['2024-12-30', 4],
      ['2024-12-31', 4],
      ['2025-01-01', 0],
      ['2025-01-02', 0],
    ]);
  });
});

describe('burndown of a sprint stored with wild dates', () => {
  it('holds at most MAX_BURNDOWN_DAYS points, the last days up to today, consistent with the whole span', () => {
    const now = at('2026-12-04T12:00:00Z');
    const series = burndown({
      start: '0001-01-01T00:00:00Z',
      end: null,
      committed: 10,
      doneByDay: { '1999-05-05': 2, '2026-12-04': 3 },
      now,
    });
    expect(series).toHaveLength(MAX_BURNDOWN_DAYS);
    expect(series.at(-1)).toEqual({ date: '2026-12-04', remainingPoints: 5, idealPoints: 0 });
    expect(series[0]!.date).toBe(utcDay(new Date(now.getTime() - (MAX_BURNDOWN_DAYS - 1) * 86_400_000).toISOString()));
    // Work DONE before the first point shown counts on it; the ideal line keeps the sprint's own slope.
    expect(series[0]!.remainingPoints).toBe(8);
    expect(series.every((p, i) => i === 0 || p.idealPoints <= series[i - 1]!.idealPoints)).toBe(true);
  });

  it('a sprint that ended long after today, or far in the future, stays bounded too', () => {
    const ended = burndown({ start: '0001-01-01T00:00:00Z', end: '9999-12-31T00:00:00Z', committed: 1, doneByDay: {}, now: at('2026-12-04T12:00:00Z') });
    expect(ended).toHaveLength(MAX_BURNDOWN_DAYS);
    expect(burndown({ start: '9999-01-01T00:00:00Z', end: null, committed: 1, doneByDay: {}, now: at('2026-12-04T12:00:00Z') })).toEqual([]);
  });
});

describe('tally, breakdown, workload, overdue', () => {
  const tasks: TaskFact[] = [
    { status: 'TODO', estimatePoints: 3, assigneeId: 'u1', dueAt: '2025-03-01T00:00:00Z', timeSpentMinutes: 0 },
    { status: 'IN_PROGRESS', estimatePoints: 5, assigneeId: 'u1', dueAt: '2025-03-10T00:00:00Z', timeSpentMinutes: 90 },
    { status: 'IN_REVIEW', estimatePoints: null, assigneeId: 'u2', timeSpentMinutes: 15 },
    { status: 'DONE', estimatePoints: 8, assigneeId: 'u2', dueAt: '2025-02-01T00:00:00Z', doneAt: '2025-03-04T10:00:00Z', timeSpentMinutes: 120 },
    // DONE before doneAt was recorded: its last update stands in.
    { status: 'DONE', estimatePoints: 2, updatedAt: '2025-03-05T10:00:00Z' },
    // Archived work is not counted.
    { status: 'TODO', estimatePoints: 13, assigneeId: 'u1', dueAt: '2025-03-01T00:00:00Z', archived: true },
    // Unassigned, overdue.
    { status: 'TODO', estimatePoints: 1, dueAt: '2025-03-02T00:00:00Z' },
  ];
  const tally = tallyOf(tasks);

  it('counts tasks and points per status, archived excluded', () => {
    expect(tally.tasks).toBe(6);
    expect(tally.points).toBe(19);
    expect(statusBreakdown(tally)).toEqual([
      { status: 'TODO', tasks: 2, points: 4 },
      { status: 'IN_PROGRESS', tasks: 1, points: 5 },
      { status: 'IN_REVIEW', tasks: 1, points: 0 },
      { status: 'DONE', tasks: 2, points: 10 },
    ]);
    expect(tally.doneByDay).toEqual({ '2025-03-04': 8, '2025-03-05': 2 });
  });

  it('workload per assignee with display names (unknown people last), time spent included', () => {
    const names = new Map([
      ['u1', 'Zoe'],
      ['u2', 'Adam'],
    ]);
    expect(workload(tally, names)).toEqual([
      { userId: 'u2', displayName: 'Adam', openTasks: 1, openPoints: 0, donePoints: 8, timeSpentMinutes: 135 },
      { userId: 'u1', displayName: 'Zoe', openTasks: 2, openPoints: 8, donePoints: 0, timeSpentMinutes: 90 },
    ]);
    expect(workload(tally, new Map([['u1', 'Zoe']])).map((w) => [w.userId, w.displayName])).toEqual([
      ['u1', 'Zoe'],
      ['u2', null],
    ]);
  });

  it('overdue: open tasks due strictly before now', () => {
    expect(overdue(tally, at('2025-03-05T00:00:00Z'))).toBe(2);
    expect(overdue(tally, at('2025-03-20T00:00:00Z'))).toBe(3);
    expect(overdue(tally, at('2025-03-01T00:00:00Z'))).toBe(0);
  });
});

describe('the reports', () => {
  const base: SprintFact = {
    id: 's1',
    projectId: 'p1',
    name: 'Sprint 1',
    state: 'ACTIVE',
    startsAt: '2025-03-03T09:00:00Z',
    endsAt: '2025-03-07T17:00:00Z',
  };
  const tally = tallyOf([
    { status: 'DONE', estimatePoints: 5, doneAt: '2025-03-04T10:00:00Z' },
    { status: 'TODO', estimatePoints: 5 },
  ]);

  it('an active sprint: committed = every point in it now, completed = the DONE ones', () => {
    const r = sprintReport({ sprint: base, tally, displayNames: new Map(), now: at('2025-03-05T12:00:00Z') });
    expect([r.committedPoints, r.completedPoints]).toEqual([10, 5]);
    expect(r.burndown.map((p) => p.remainingPoints)).toEqual([10, 5, 5]);
    expect(r.generatedAt).toBe('2025-03-05T12:00:00.000Z');
    expect(r.sprint).toBe(base);
  });

  it('a completed sprint: the points recorded at completion (its unfinished work has left)', () => {
    const done = { ...base, state: 'COMPLETED', committedPoints: 13, completedPoints: 5, completedAt: '2025-03-07T16:00:00Z' };
    const r = sprintReport({ sprint: done, tally: tallyOf([{ status: 'DONE', estimatePoints: 5, doneAt: '2025-03-04T10:00:00Z' }]), displayNames: new Map(), now: at('2025-04-01T00:00:00Z') });
    expect([r.committedPoints, r.completedPoints]).toEqual([13, 5]);
    expect(r.burndown.map((p) => p.remainingPoints)).toEqual([13, 8, 8, 8, 8]);
    expect(r.burndown.at(-1)!.idealPoints).toBe(0);
  });

  it('velocity: completed sprints only, oldest completion first', () => {
    const sprints: SprintFact[] = [
      { ...base, id: 'b', name: 'B', state: 'COMPLETED', completedAt: '2025-03-21T00:00:00Z', committedPoints: 8, completedPoints: 8 },
      { ...base, id: 'a', name: 'A', state: 'COMPLETED', completedAt: '2025-03-07T00:00:00Z', committedPoints: 10, completedPoints: 6 },
      { ...base, id: 'c', name: 'C', state: 'ACTIVE' },
    ];
    expect(velocity(sprints)).toEqual([
      { sprintId: 'a', name: 'A', committedPoints: 10, completedPoints: 6, completedAt: '2025-03-07T00:00:00Z' },
      { sprintId: 'b', name: 'B', committedPoints: 8, completedPoints: 8, completedAt: '2025-03-21T00:00:00Z' },
    ]);
    const p = projectReport({ projectId: 'p1', completedSprints: sprints, tally, displayNames: new Map(), now: at('2025-04-01T00:00:00Z') });
    expect(p.velocity.map((v) => v.sprintId)).toEqual(['a', 'b']);
    expect(p.statusBreakdown.find((s) => s.status === 'DONE')).toEqual({ status: 'DONE', tasks: 1, points: 5 });
  });
});
