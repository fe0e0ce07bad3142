/**
 * Dates the API takes (task due dates, sprint dates): values the AWSDateTime scalar accepts but
 * Taskwire cannot use are a ValidationError, sprints stay within a sane window and length, and instants
 * are stored in UTC so that indexes sorting them as text sort them in time (docs/dates.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { buildApp, client, seedProject, user } from './harness.ts';

const db = useDynamoDbTable();
const P = 'proj-dates';
const ada = user('ada');
let gql: ReturnType<typeof client>;

beforeAll(async () => {
  gql = client(buildApp(db));
  await seedProject(db, P, 'DT', { ada: 'ADMIN' });
});

const CREATE_TASK = `mutation($i: CreateTaskInput!) { createTask(input: $i) { id dueAt version } }`;
const UPDATE_TASK = `mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id dueAt } }`;
const CREATE_SPRINT = `mutation($i: CreateSprintInput!) { createSprint(input: $i) { id startsAt endsAt version } }`;
const UPDATE_SPRINT = `mutation($i: UpdateSprintInput!) { updateSprint(input: $i) { id startsAt endsAt version } }`;

function expectValidation(r: Awaited<ReturnType<typeof gql>>, field: string, mentions: string) {
  expect(r.errors?.[0]?.errorType, JSON.stringify(r.errors)).toBe('ValidationError');
  expect(r.errors?.[0]?.errorInfo).toEqual({ field });
  expect(r.errors?.[0]?.message).toContain(mentions);
  expect(r.data?.[Object.keys(r.data ?? {})[0] ?? ''] ?? null).toBeNull();
}

describe('date-times the scalar accepts but resolvers cannot use', () => {
  // AppSync's AWSDateTime takes offsets with seconds and years of more than four digits.
  const unusable = ['2030-01-01T10:00:00+23:59:59', '2030-01-01T10:00:00-18:30', '123456-01-01T00:00:00Z'];

  it('createTask and updateTask refuse them as the dueAt field', async () => {
    for (const dueAt of unusable) expectValidation(await gql(ada, CREATE_TASK, { i: { projectId: P, title: 'Due', dueAt } }), 'dueAt', 'dueAt');
    const t = (await gql(ada, CREATE_TASK, { i: { projectId: P, title: 'Due later' } })).data!.createTask;
    for (const dueAt of unusable) expectValidation(await gql(ada, UPDATE_TASK, { i: { id: t.id, expectedVersion: t.version, dueAt } }), 'dueAt', 'dueAt');
  });

  it('createSprint and updateSprint refuse them, whichever date carries them', async () => {
    for (const bad of unusable) {
      expectValidation(await gql(ada, CREATE_SPRINT, { i: { projectId: P, name: 'S', startsAt: bad, endsAt: '2030-01-10T00:00:00Z' } }), 'startsAt', 'startsAt');
      expectValidation(await gql(ada, CREATE_SPRINT, { i: { projectId: P, name: 'S', startsAt: '2030-01-01T00:00:00Z', endsAt: bad } }), 'endsAt', 'endsAt');
      expectValidation(await gql(ada, CREATE_SPRINT, { i: { projectId: P, name: 'S', endsAt: bad } }), 'endsAt', 'endsAt');
    }
  });
});

describe('sprint dates stay within a window and a length', () => {
  it('refuses dates outside 2000–2100 and sprints longer than 366 days', async () => {
    expectValidation(await gql(ada, CREATE_SPRINT, { i: { projectId: P, name: 'Ancient', startsAt: '0001-01-01T00:00:00Z' } }), 'startsAt', '2000');
    expectValidation(await gql(ada, CREATE_SPRINT, { i: { projectId: P, name: 'Far', endsAt: '2101-01-01T00:00:00Z' } }), 'endsAt', '2100');
    expectValidation(
      await gql(ada, CREATE_SPRINT, { i: { projectId: P, name: 'Long', startsAt: '2030-01-01T00:00:00Z', endsAt: '2031-01-02T00:00:01Z' } }),
      'endsAt',
      '366 days',
    );
    const year = await gql(ada, CREATE_SPRINT, { i: { projectId: P, name: 'A year', startsAt: '2030-01-01T00:00:00Z', endsAt: '2031-01-02T00:00:00Z' } });
    expect(year.errors).toBeUndefined();
  });

  it('updateSprint checks the resulting pair when only one date is given, against the stored other one', async () => {
    const s = (await gql(ada, CREATE_SPRINT, { i: { projectId: P, name: 'Two weeks', startsAt: '2030-03-01T00:00:00Z', endsAt: '2030-03-14T00:00:00Z' } })).data!
      .createSprint;
    expectValidation(await gql(ada, UPDATE_SPRINT, { i: { id: s.id, expectedVersion: s.version, startsAt: '2001-01-01T00:00:00Z' } }), 'startsAt', '366 days');
    expectValidation(await gql(ada, UPDATE_SPRINT, { i: { id: s.id, expectedVersion: s.version, endsAt: '2099-01-01T00:00:00Z' } }), 'endsAt', '366 days');
    expectValidation(await gql(ada, UPDATE_SPRINT, { i: { id: s.id, expectedVersion: s.version, startsAt: '0001-01-01T00:00:00Z' } }), 'startsAt', '2000');
    const moved = await gql(ada, UPDATE_SPRINT, { i: { id: s.id, expectedVersion: s.version, endsAt: '2030-03-21T00:00:00+01:00' } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateSprint).toMatchObject({ startsAt: '2030-03-01T00:00:00.000Z', endsAt: '2030-03-20T23:00:00.000Z' });
  });
});

describe('instants are stored in UTC', () => {
  it("tasksByAssignee lists a person's tasks by due instant, whatever the offsets they were given in", async () => {
    const MY = `query { tasksByAssignee(assigneeId: "ada", status: TODO) { items { title dueAt } } }`;
    // 20:00Z on 31 December, written at +14:00 (its text sorts after the one below) ...
    const early = await gql(ada, CREATE_TASK, { i: { projectId: P, title: 'Early', assigneeId: 'ada', dueAt: '2031-01-01T10:00:00+14:00' } });
    // ... and 22:00Z the same day.
    const late = await gql(ada, CREATE_TASK, { i: { projectId: P, title: 'Late', assigneeId: 'ada', dueAt: '2030-12-31T22:00:00Z' } });
    expect(early.errors).toBeUndefined();
    expect(late.errors).toBeUndefined();
    // Half a second after 'Late': stored with milliseconds, so text order still follows time.
    const later = await gql(ada, CREATE_TASK, { i: { projectId: P, title: 'Later', assigneeId: 'ada', dueAt: '2030-12-31T22:00:00.5Z' } });
    expect(later.errors).toBeUndefined();
    const mine = (await gql(ada, MY)).data!.tasksByAssignee.items as { title: string; dueAt: string }[];
    expect(mine.map((t) => t.title)).toEqual(['Early', 'Late', 'Later']);
    expect(mine[0]!.dueAt).toBe('2030-12-31T20:00:00.000Z');
    // updateTask normalises too.
    const moved = await gql(ada, UPDATE_TASK, {
      i: { id: later.data!.createTask.id, expectedVersion: later.data!.createTask.version, dueAt: '2031-01-01T06:00:00+09:00' },
    });
    expect(moved.data!.updateTask.dueAt).toBe('2030-12-31T21:00:00.000Z');
    const again = (await gql(ada, MY)).data!.tasksByAssignee.items as { title: string }[];
    expect(again.map((t) => t.title)).toEqual(['Early', 'Later', 'Late']);
  });
});
