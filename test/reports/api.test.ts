/**
 * sprintReport and projectReport through the whole local runtime (DynamoDB Local, cognito-local, the
 * app over TLS, the `reports` and `workers` functions in-process), with everything built through the
 * API: a sprint with pointed tasks moved to DONE (and one moved back out), time logged, an overdue task;
 * who may read the reports; the points recorded when sprints complete (inline and by the carry-over
 * worker) and the velocity they give; a 250-task sprint answered in one request.
 *
 * The API's clock cannot be set, so the burndown's today-point is checked against the moves just made
 * (days taken from the `updatedAt` the moves answered); the day-by-day maths is in maths.test.ts.
 * Days are UTC days.
 */
import { describe, expect, it } from 'vitest';
import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { useLocalRuntime } from '../support/runtime.ts';
import { graphqlClient } from '../support/graphql.ts';
import { EMAIL, subOf, type Person } from '../support/people.ts';
import { createLocalDynamoDbClient } from '../../packages/appsync-local/src/services/dynamodb-local.ts';
import { LOCAL_TABLE_NAME } from '../../model/table.ts';
import { sprintKey, taskKey } from '../../model/keys.ts';
import { PAGE_SIZE } from '../../functions/reports/source.ts';
import * as source from '../../functions/reports/source.ts';
import { eventually } from '../support/eventually.ts';
import { MAX_BURNDOWN_DAYS } from '../../functions/reports/maths.ts';

const rt = useLocalRuntime();
const { raw, gql, refusal } = graphqlClient(rt);

const SPRINT_REPORT = `query($s: ID!) { sprintReport(sprintId: $s) {
  sprint { id name state }
  committedPoints completedPoints
  burndown { date remainingPoints idealPoints }
  statusBreakdown { status tasks points }
  workload { userId displayName openTasks openPoints donePoints timeSpentMinutes }
  overdueTasks generatedAt } }`;
const PROJECT_REPORT = `query($p: ID!) { projectReport(projectId: $p) {
  projectId
  velocity { sprintId name committedPoints completedPoints completedAt }
  statusBreakdown { status tasks points }
  workload { userId displayName openTasks openPoints donePoints timeSpentMinutes }
  overdueTasks generatedAt } }`;

/**
 * Reports read aggregates the stream handler keeps (eventually consistent: docs/access-patterns.md
 * "Report aggregates"): before reading one, wait until the stream has caught up with the writes —
 * the aggregate equals the same tally recomputed from the partition.
 */
async function caughtUp(s: { sprintId?: string; projectId?: string }): Promise<void> {
  await eventually(async () => {
    // The reports function's own reads, with its own environment.
    const asReports = <T>(fn: () => Promise<T>) => rt.runtime.lambdas.runAs('reports', fn);
    if (s.sprintId) expect(await asReports(() => source.sprintTally(s.sprintId!))).toEqual(await asReports(() => source.sprintPartitionTally(s.sprintId!)));
    if (s.projectId) expect(await asReports(() => source.boardTally(s.projectId!))).toEqual(await asReports(() => source.boardPartitionTally(s.projectId!)));
  }, { timeoutMs: 30_000 });
}
const sprintReport = async (who: Person | { token: string }, s: string) => {
  await caughtUp({ sprintId: s });
  return (await gql(who, SPRINT_REPORT, { s })).sprintReport;
};
const projectReport = async (who: Person | { token: string }, p: string) => {
  await caughtUp({ projectId: p });
  return (await gql(who, PROJECT_REPORT, { p })).projectReport;
};

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const midnight = (d: string) => Date.parse(`${d}T00:00:00.000Z`);

async function createProject(who: Person, key: string): Promise<string> {
  return (await gql(who, `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { key, name: `Reports ${key}` } })).createProject.id;
}
async function createSprint(who: Person, projectId: string, name: string, startsAt: string | null, endsAt: string | null): Promise<string> {
  return (
    await gql(who, `mutation($i: CreateSprintInput!) { createSprint(input: $i) { id } }`, {
      i: { projectId, name, ...(startsAt ? { startsAt } : {}), ...(endsAt ? { endsAt } : {}) },
    })
  ).createSprint.id;
}
async function createTask(who: Person, projectId: string, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await gql(who, `mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`, { i: { projectId, title, ...extra } })).createTask.id;
}
/** Moves a card to the bottom of a column; answers the task's updatedAt (the instant of the move). */
async function move(who: Person, id: string, status: string): Promise<string> {
  return (await gql(who, `mutation($i: MoveTaskInput!) { moveTask(input: $i) { updatedAt status } }`, { i: { id, status } })).moveTask.updatedAt;
}
const start = (who: Person, id: string) => gql(who, `mutation($id: ID!) { startSprint(id: $id) { id state } }`, { id });
const complete = async (who: Person, id: string, carryOverTo: string | null) =>
  (
    await gql(who, `mutation($i: CompleteSprintInput!) { completeSprint(input: $i) { id state carryOverDone completedAt } }`, {
      i: { id, ...(carryOverTo ? { carryOverTo } : {}) },
    })
  ).completeSprint;

/** Runs `fn` over `items` with at most `lanes` calls at once. */
async function inLanes<T, R>(items: T[], lanes: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/** A task's stored `doneAt` (not part of the API's Task type). */
async function storedDoneAt(id: string): Promise<string | undefined> {
  const db = createLocalDynamoDbClient(rt.runtime.urls.dynamodb);
  try {
    const r = await db.send(new GetItemCommand({ TableName: LOCAL_TABLE_NAME, Key: { PK: { S: taskKey(id).PK }, SK: { S: taskKey(id).SK } } }));
    return (unmarshall(r.Item!) as { doneAt?: string }).doneAt;
  } finally {
    db.destroy();
  }
}

const sub = {} as Record<Person, string>;
const names = {} as Record<Person, string>;

// What the tests build up, in order.
let project = '';
let otherProject = '';
const sprint = { one: '', two: '' };
const task: Record<string, string> = {};
/** The instants the tasks that are DONE now became DONE. */
const doneAt: Record<string, string> = {};
const startMs = Date.now() - 2 * DAY;
const endMs = Date.now() + 5 * DAY;

describe('reports through the API', () => {
  it('sets up a project with max (ADMIN) and vera (MEMBER), a sprint started two days ago, pointed tasks', async () => {
    for (const p of Object.keys(EMAIL) as Person[]) sub[p] = subOf(await rt.token(EMAIL[p]));
    project = await createProject('max', 'REP');
    otherProject = await createProject('otto', 'OREP');
    await gql('max', `mutation($i: AddMemberInput!) { addMember(input: $i) { userId } }`, { i: { projectId: project, email: EMAIL.vera, role: 'MEMBER' } });
    const members = (await gql('max', `query($p: ID!) { projectMembers(projectId: $p) { items { userId displayName } } }`, { p: project })).projectMembers.items;
    for (const p of ['max', 'vera'] as const) names[p] = members.find((m: { userId: string }) => m.userId === sub[p]).displayName;
    expect(names.max).toBeTruthy();

    sprint.one = await createSprint('max', project, 'Sprint 1', new Date(startMs).toISOString(), new Date(endMs).toISOString());
    sprint.two = await createSprint('max', project, 'Sprint 2', null, null);
    await start('max', sprint.one);
    const inOne = { sprintId: sprint.one };
    task.a = await createTask('max', project, 'a', { ...inOne, estimatePoints: 3, assigneeId: sub.max });
    task.b = await createTask('max', project, 'b', { ...inOne, estimatePoints: 5, assigneeId: sub.vera });
    task.c = await createTask('max', project, 'c', { ...inOne, estimatePoints: 8, assigneeId: sub.max });
    task.d = await createTask('vera', project, 'd', { ...inOne, estimatePoints: 2, dueAt: new Date(Date.now() - DAY).toISOString() });
    task.e = await createTask('vera', project, 'e', { ...inOne, assigneeId: sub.vera, dueAt: new Date(Date.now() + 3 * DAY).toISOString() });
    // Work outside the sprint: in the project's report, not in the sprint's.
    task.backlog = await createTask('max', project, 'backlog', { estimatePoints: 13, assigneeId: sub.vera });
    // Archived work counts nowhere.
    task.gone = await createTask('max', project, 'gone', { ...inOne, estimatePoints: 40, assigneeId: sub.max });
    const gone = (await gql('max', `mutation($id: ID!) { archiveTask(id: $id) { archived } }`, { id: task.gone })).archiveTask;
    expect(gone.archived).toBe(true);
  });

  it('a fresh sprint: everything still to do, every day of the sprint so far at the committed points', async () => {
    const r = await sprintReport('max', sprint.one);
    expect(r.sprint).toEqual({ id: sprint.one, name: 'Sprint 1', state: 'ACTIVE' });
    expect([r.committedPoints, r.completedPoints]).toEqual([18, 0]);
    const today = day(Date.parse(r.generatedAt));
    expect(r.burndown.map((p: { date: string }) => p.date)).toEqual([day(startMs), day(startMs + DAY), day(startMs + 2 * DAY)]);
    expect(r.burndown.at(-1).date).toBe(today);
    expect(r.burndown.every((p: { remainingPoints: number }) => p.remainingPoints === 18)).toBe(true);
  });

  it('moves to DONE (and one back out), time logged: the report follows', async () => {
    const updatedAt = async (id: string) => (await gql('max', `query($id: ID!) { task(id: $id) { updatedAt } }`, { id })).task.updatedAt as string;
    const beforeA = await updatedAt(task.a!);
    const movedA = await move('max', task.a, 'DONE');
    await move('vera', task.c, 'IN_PROGRESS');
    await move('vera', task.c, 'DONE');
    await move('vera', task.c, 'IN_REVIEW'); // left DONE again: no longer done, no longer burnt
    const beforeB = await updatedAt(task.b!);
    const movedB = await move('vera', task.b, 'DONE');
    // The internal doneAt, read in the table: written by the move to DONE (in its write: between the
    // task's previous update and this one), removed by the move out of DONE.
    doneAt.a = (await storedDoneAt(task.a!))!;
    doneAt.b = (await storedDoneAt(task.b!))!;
    expect([beforeA <= doneAt.a, doneAt.a <= movedA, beforeB <= doneAt.b, doneAt.b <= movedB]).toEqual([true, true, true, true]);
    expect(await storedDoneAt(task.c!)).toBeUndefined();
    await move('vera', task.e, 'IN_PROGRESS');
    await gql('vera', `mutation($i: LogTimeInput!) { logTime(input: $i) { id } }`, { i: { taskId: task.b, minutes: 45, workDate: day(Date.now()) } });
    await gql('max', `mutation($i: LogTimeInput!) { logTime(input: $i) { id } }`, { i: { taskId: task.c, minutes: 30, workDate: day(Date.now()) } });

    const r = await sprintReport('vera', sprint.one);
    expect([r.committedPoints, r.completedPoints]).toEqual([18, 8]);
    expect(r.statusBreakdown).toEqual([
      { status: 'TODO', tasks: 1, points: 2 },
      { status: 'IN_PROGRESS', tasks: 1, points: 0 },
      { status: 'IN_REVIEW', tasks: 1, points: 8 },
      { status: 'DONE', tasks: 2, points: 8 },
    ]);
    const expectedWorkload = [
      { userId: sub.max, displayName: names.max, openTasks: 1, openPoints: 8, donePoints: 3, timeSpentMinutes: 30 },
      { userId: sub.vera, displayName: names.vera, openTasks: 1, openPoints: 0, donePoints: 5, timeSpentMinutes: 45 },
    ].sort((x, y) => x.displayName.localeCompare(y.displayName));
    expect(r.workload).toEqual(expectedWorkload);
    expect(r.overdueTasks).toBe(1);

    // The burndown: one point per UTC day from the start to today, remaining = 18 minus what was DONE by
    // the end of that day (the moves' own instants), ideal linear from 18 to 0 over the sprint's 8 days.
    const days = Math.round((midnight(day(endMs)) - midnight(day(startMs))) / DAY) + 1;
    const today = day(Date.parse(r.generatedAt));
    const expected = [];
    for (let i = 0, d = day(startMs); d <= today; i++, d = day(midnight(d) + DAY)) {
      const burnt = (day(Date.parse(doneAt.a!)) <= d ? 3 : 0) + (day(Date.parse(doneAt.b!)) <= d ? 5 : 0);
      expected.push({ date: d, remainingPoints: 18 - burnt, idealPoints: Math.round(((18 * (days - 1 - i)) / days) * 100) / 100 });
    }
    expect(days).toBe(8);
    expect(r.burndown).toEqual(expected);
    expect(r.burndown.at(-1)).toMatchObject({ date: today, remainingPoints: 10 });
  });

  it('the project report: the whole board, its workload and overdue work; no velocity before a sprint completes', async () => {
    const r = await projectReport('max', project);
    expect(r.projectId).toBe(project);
    expect(r.velocity).toEqual([]);
    expect(r.statusBreakdown).toEqual([
      { status: 'TODO', tasks: 2, points: 15 },
      { status: 'IN_PROGRESS', tasks: 1, points: 0 },
      { status: 'IN_REVIEW', tasks: 1, points: 8 },
      { status: 'DONE', tasks: 2, points: 8 },
    ]);
    expect(r.workload.find((w: { userId: string }) => w.userId === sub.vera)).toEqual({
      userId: sub.vera,
      displayName: names.vera,
      openTasks: 2,
      openPoints: 13,
      donePoints: 5,
      timeSpentMinutes: 45,
    });
    expect(r.overdueTasks).toBe(1);
  });

  it('who may read: members of every role and the Admins group; a READ token of the project; nobody else', async () => {
    await gql('max', `mutation($i: AddMemberInput!) { addMember(input: $i) { userId } }`, { i: { projectId: project, email: EMAIL.otto, role: 'VIEWER' } });
    expect((await sprintReport('otto', sprint.one)).committedPoints).toBe(18);
    await gql('max', `mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u) { userId } }`, { p: project, u: sub.otto });
    expect((await sprintReport('ada', sprint.one)).sprint.id).toBe(sprint.one);
    expect((await projectReport('ada', project)).projectId).toBe(project);

    const read = (
      await gql('max', `mutation($i: CreateIntegrationTokenInput!) { createIntegrationToken(input: $i) { secret } }`, {
        i: { projectId: project, name: 'dashboards', scope: 'READ' },
      })
    ).createIntegrationToken.secret as string;
    const readToken = { token: read };
    expect((await sprintReport(readToken, sprint.one)).completedPoints).toBe(8);
    expect((await projectReport(readToken, project)).projectId).toBe(project);
    const foreign = {
      token: (
        await gql('otto', `mutation($i: CreateIntegrationTokenInput!) { createIntegrationToken(input: $i) { secret } }`, {
          i: { projectId: otherProject, name: 'theirs', scope: 'READ_WRITE' },
        })
      ).createIntegrationToken.secret as string,
    };

    const unknown = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    expect({
      outsiderSprint: (await refusal('otto', SPRINT_REPORT, { s: sprint.one })).errorType,
      outsiderProject: (await refusal('otto', PROJECT_REPORT, { p: project })).errorType,
      foreignTokenSprint: (await refusal(foreign, SPRINT_REPORT, { s: sprint.one })).errorType,
      foreignTokenProject: (await refusal(foreign, PROJECT_REPORT, { p: project })).errorType,
      unknownSprint: (await refusal('max', SPRINT_REPORT, { s: unknown })).errorType,
      unknownProject: (await refusal('ada', PROJECT_REPORT, { p: unknown })).errorType,
      emptyId: (await refusal('max', SPRINT_REPORT, { s: '' })).errorType,
      tooLongId: (await refusal('max', PROJECT_REPORT, { p: 'x'.repeat(300) })).errorType,
    }).toEqual({
      outsiderSprint: 'NotFound',
      outsiderProject: 'NotFound',
      foreignTokenSprint: 'NotFound',
      foreignTokenProject: 'NotFound',
      unknownSprint: 'NotFound',
      unknownProject: 'NotFound',
      emptyId: 'ValidationError',
      tooLongId: 'ValidationError',
    });
    // Worded as for a hidden sprint: nothing tells an outsider the id exists.
    const hidden = await raw('otto', SPRINT_REPORT, { s: sprint.one });
    const missing = await raw('otto', SPRINT_REPORT, { s: unknown });
    expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
  });

  it('completing two sprints records their points; the project report shows the velocity', async () => {
    // Sprint 1 → Sprint 2: c (8, IN_REVIEW), d (2, TODO) and e (0) leave; committed 18, completed 8 stay recorded.
    const one = await complete('max', sprint.one, sprint.two);
    expect([one.state, one.carryOverDone]).toEqual(['COMPLETED', true]);
    const after = await sprintReport('max', sprint.one);
    expect([after.committedPoints, after.completedPoints]).toEqual([18, 8]);
    expect(after.statusBreakdown.map((s: { tasks: number }) => s.tasks)).toEqual([0, 0, 0, 2]);

    await start('max', sprint.two);
    await move('max', task.c, 'DONE');
    const two = await complete('max', sprint.two, null);
    expect(two.carryOverDone).toBe(true);

    const r = await projectReport('vera', project);
    expect(r.velocity).toEqual([
      { sprintId: sprint.one, name: 'Sprint 1', committedPoints: 18, completedPoints: 8, completedAt: one.completedAt },
      { sprintId: sprint.two, name: 'Sprint 2', committedPoints: 10, completedPoints: 8, completedAt: two.completedAt },
    ]);
    // d and e went to the backlog: the board still counts them.
    expect(r.statusBreakdown.find((s: { status: string }) => s.status === 'DONE')).toEqual({ status: 'DONE', tasks: 3, points: 16 });
  });
});

describe('a sprint of 250 tasks', () => {
  const N = 250;
  let big = '';
  let bigProject = '';
  let next = '';

  it('answers in one request, every task counted (the function pages through the sprint)', async () => {
    expect(N).toBeGreaterThan(2 * PAGE_SIZE); // at least three pages
    bigProject = await createProject('vera', 'BIG');
    big = await createSprint('vera', bigProject, 'Big', new Date(Date.now() - DAY).toISOString(), new Date(Date.now() + DAY).toISOString());
    next = await createSprint('vera', bigProject, 'Next', null, null);
    await start('vera', big);
    const pts = Array.from({ length: N }, (_, i) => (i % 5) + 1); // Σ = 50 × 15 = 750
    const ids = await inLanes(pts, 6, (p, i) => createTask('vera', bigProject, `t${i}`, { sprintId: big, estimatePoints: p }));
    // Every third task DONE (84 tasks): their points.
    const doneIdx = ids.map((_, i) => i).filter((i) => i % 3 === 0);
    await inLanes(doneIdx, 6, (i) => move('vera', ids[i]!, 'DONE'));
    const donePoints = doneIdx.reduce((s, i) => s + pts[i]!, 0);

    await caughtUp({ sprintId: big });
    const r = (await raw('vera', SPRINT_REPORT, { s: big })).data!.sprintReport;
    expect([r.committedPoints, r.completedPoints]).toEqual([750, donePoints]);
    expect(r.statusBreakdown).toEqual([
      { status: 'TODO', tasks: N - doneIdx.length, points: 750 - donePoints },
      { status: 'IN_PROGRESS', tasks: 0, points: 0 },
      { status: 'IN_REVIEW', tasks: 0, points: 0 },
      { status: 'DONE', tasks: doneIdx.length, points: donePoints },
    ]);
    expect(r.burndown.at(-1)).toMatchObject({ date: day(Date.parse(r.generatedAt)), remainingPoints: 750 - donePoints });
  }, 120_000);

  it('completing it carries over in the background; the worker records its points first', async () => {
    const c = await complete('vera', big, next);
    expect(c.carryOverDone).toBe(false); // too many for the inline path: the workers function moves them
    await eventually(async () => {
      const sprintNow = (await gql('vera', `query($id: ID!) { sprint(id: $id) { carryOverDone } }`, { id: big })).sprint;
      expect(sprintNow.carryOverDone).toBe(true);
    }, { timeoutMs: 90_000 });
    const r = await projectReport('vera', bigProject);
    const done = (await sprintReport('vera', big)).statusBreakdown.find((s: { status: string }) => s.status === 'DONE');
    expect(r.velocity).toEqual([{ sprintId: big, name: 'Big', committedPoints: 750, completedPoints: done.points, completedAt: c.completedAt }]);
    // The unfinished work is in Next now; Big's partition holds only what was DONE.
    const nextReport = await sprintReport('vera', next);
    expect(nextReport.committedPoints).toBe(750 - done.points);
  }, 120_000);
});

describe('a sprint stored with dates from before they were bounded', () => {
  it('still gets a small, valid report: the last days of its burndown only', async () => {
    const wildProject = await createProject('otto', 'WILD');
    const wild = await createSprint('otto', wildProject, 'Wild', new Date(Date.now() - DAY).toISOString(), null);
    await createTask('otto', wildProject, 'w', { sprintId: wild, estimatePoints: 4 });
    // createSprint refuses such a date now; an item written before keeps it.
    const db = createLocalDynamoDbClient(rt.runtime.urls.dynamodb);
    try {
      const key = sprintKey(wild);
      await db.send(
        new UpdateItemCommand({
          TableName: LOCAL_TABLE_NAME,
          Key: { PK: { S: key.PK }, SK: { S: key.SK } },
          UpdateExpression: 'SET startsAt = :s',
          ExpressionAttributeValues: { ':s': { S: '0001-01-01T00:00:00Z' } },
        }),
      );
    } finally {
      db.destroy();
    }
    await caughtUp({ sprintId: wild });
    const r = await raw('otto', SPRINT_REPORT, { s: wild });
    expect(r.errors).toBeUndefined();
    const burndown = r.data!.sprintReport.burndown as { date: string; remainingPoints: number; idealPoints: number }[];
    expect(burndown).toHaveLength(MAX_BURNDOWN_DAYS);
    expect(burndown.at(-1)).toEqual({ date: day(Date.parse(r.data!.sprintReport.generatedAt)), remainingPoints: 4, idealPoints: 0 });
  }, 60_000);
});
