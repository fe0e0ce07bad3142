/**
 * A team's workflow through the real resolver bundles: stories with criteria, a sprint planned and
 * started, tasks moved across the board and placed between neighbours, comments with @mentions, time
 * logged, the sprint completed with carry-over; plus archived hiding and refusals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { TASK_FIELDS, buildApp, client, seedProject, user } from './harness.ts';

const db = useDynamoDbTable();
const P = 'proj-work';
const ada = user('ada');
const bob = user('bob');
const vic = user('vic');
const eve = user('eve');
let gql: ReturnType<typeof client>;

beforeAll(async () => {
  gql = client(buildApp(db));
  await seedProject(db, P, 'TW', { ada: 'ADMIN', bob: 'MEMBER', vic: 'VIEWER' });
  await seedProject(db, 'proj-other', 'OT', { eve: 'ADMIN' });
});

const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK_FIELDS} } }`;
const MOVE = `mutation($input: MoveTaskInput!) { moveTask(input: $input) { ${TASK_FIELDS} } }`;
const COLUMN = `query($p: ID!, $s: TaskStatus!, $sprint: ID, $arch: Boolean) { tasksByStatus(projectId: $p, status: $s, sprintId: $sprint, includeArchived: $arch) { items { id key rank } nextToken } }`;

async function create(title: string, extra: Record<string, unknown> = {}, who = ada) {
  const r = await gql(who, CREATE, { input: { projectId: P, title, ...extra } });
  expect(r.errors).toBeUndefined();
  return r.data!.createTask;
}

describe('the tasks domain through the local AppSync', () => {
  it('runs a team workflow end to end', async () => {
    const story = await gql(ada, `mutation($i: CreateStoryInput!) { createStory(input: $i) { id version acceptanceCriteria { id text done } progress { percent criteriaTotal } } }`, {
      i: { projectId: P, title: 'Login', acceptanceCriteria: ['accepts email', 'rejects bad password'] },
    });
    expect(story.errors).toBeUndefined();
    const s = story.data!.createStory;
    expect(s.acceptanceCriteria).toHaveLength(2);
    expect(s.progress).toEqual({ percent: 0, criteriaTotal: 2 });

    const tick = await gql(bob, `mutation($i: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $i) { version progress { criteriaDone percent } } }`, {
      i: { storyId: s.id, criterionId: s.acceptanceCriteria[0].id, done: true },
    });
    expect(tick.data!.setAcceptanceCriterion.progress).toEqual({ criteriaDone: 1, percent: 50 });

    const sprint = (await gql(ada, `mutation($i: CreateSprintInput!) { createSprint(input: $i) { id state } }`, { i: { projectId: P, name: 'Sprint 1' } })).data!.createSprint;
    const next = (await gql(ada, `mutation($i: CreateSprintInput!) { createSprint(input: $i) { id state } }`, { i: { projectId: P, name: 'Sprint 2' } })).data!.createSprint;
    expect(sprint.state).toBe('PLANNED');

    const t1 = await create('Form', { storyId: s.id, sprintId: sprint.id, estimatePoints: 3, assigneeId: 'bob' });
    const t2 = await create('API', { storyId: s.id, sprintId: sprint.id, estimatePoints: 5 });
    const t3 = await create('Docs', { sprintId: sprint.id });
    expect([t1.number, t2.number, t3.number]).toEqual([1, 2, 3]);
    expect(t1.key).toBe('TW-1');
    expect(t1.status).toBe('TODO');
    expect(t1.watcherIds.sort()).toEqual(['ada', 'bob']);
    expect(t1.rank < t2.rank && t2.rank < t3.rank).toBe(true);

    const started = await gql(ada, `mutation($id: ID!) { startSprint(id: $id) { state startedAt } }`, { id: sprint.id });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startSprint.state).toBe('ACTIVE');
    const again = await gql(ada, `mutation($id: ID!) { startSprint(id: $id) { state } }`, { id: next.id });
    expect(again.errors![0]!.errorType).toBe('ConflictError');

    // Board: move t3 to IN_PROGRESS, then t1 above it, then t2 between them.
    const m3 = await gql(bob, MOVE, { input: { id: t3.id, status: 'IN_PROGRESS' } });
    expect(m3.errors).toBeUndefined();
    await gql(bob, MOVE, { input: { id: t1.id, status: 'IN_PROGRESS', beforeId: t3.id } });
    const m2 = await gql(bob, MOVE, { input: { id: t2.id, status: 'IN_PROGRESS', afterId: t1.id, beforeId: t3.id } });
    expect(m2.errors).toBeUndefined();
    const col = await gql(vic, COLUMN, { p: P, s: 'IN_PROGRESS', sprint: sprint.id });
    expect(col.data!.tasksByStatus.items.map((t: { id: string }) => t.id)).toEqual([t1.id, t2.id, t3.id]);

    // Done: story counters follow.
    await gql(bob, MOVE, { input: { id: t1.id, status: 'DONE' } });
    const prog = await gql(bob, `query($id: ID!) { story(id: $id) { progress { tasksTotal tasksDone pointsTotal pointsDone } } }`, { id: s.id });
    expect(prog.data!.story.progress).toEqual({ tasksTotal: 2, tasksDone: 1, pointsTotal: 8, pointsDone: 3 });

    // Comment with a mention; the commenter watches; time logged adds up.
    const c = await gql(vic, `mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`, { i: { taskId: t2.id, body: 'hi' } });
    expect(c.errors![0]!.errorType).toBe('Unauthorized');
    const comment = await gql(bob, `mutation($i: AddCommentInput!) { addComment(input: $i) { id mentions authorId } }`, {
      i: { taskId: t2.id, body: 'Ping @ada, please review.' },
    });
    expect(comment.data!.addComment.mentions).toEqual(['ada']);
    await gql(bob, `mutation($i: LogTimeInput!) { logTime(input: $i) { minutes } }`, { i: { taskId: t2.id, minutes: 90, workDate: '2024-05-01' } });
    await gql(ada, `mutation($i: LogTimeInput!) { logTime(input: $i) { minutes } }`, { i: { taskId: t2.id, minutes: 30, workDate: '2024-05-02' } });
    const t2now = (await gql(bob, `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`, { id: t2.id })).data!.task;
    expect(t2now.timeSpentMinutes).toBe(120);
    expect(t2now.watcherIds).toContain('bob');
    const comments = await gql(vic, `query($id: ID!) { commentsByTask(taskId: $id) { items { body } } }`, { id: t2.id });
    expect(comments.data!.commentsByTask.items).toEqual([{ body: 'Ping @ada, please review.' }]);

    // Complete with carry-over of the unfinished tasks to Sprint 2.
    const done = await gql(ada, `mutation($i: CompleteSprintInput!) { completeSprint(input: $i) { state carriedOverTo carryOverDone } }`, {
      i: { id: sprint.id, carryOverTo: next.id },
    });
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeSprint).toEqual({ state: 'COMPLETED', carriedOverTo: next.id, carryOverDone: true });
    const moved = await gql(ada, `query($id: ID!) { task(id: $id) { sprintId } }`, { id: t3.id });
    expect(moved.data!.task.sprintId).toBe(next.id);
    const stayed = await gql(ada, `query($id: ID!) { task(id: $id) { sprintId } }`, { id: t1.id });
    expect(stayed.data!.task.sprintId).toBe(sprint.id);
    const project = await gql(ada, `query($id: ID!) { sprintsByProject(projectId: $id, state: PLANNED) { items { id } } }`, { id: P });
    expect(project.data!.sprintsByProject.items.map((x: { id: string }) => x.id)).toEqual([next.id]);

    const history = await gql(ada, `query($id: ID!) { activityByTask(taskId: $id) { items { action actorId } } }`, { id: t2.id });
    expect(history.data!.activityByTask.items[0]).toEqual({ action: 'UPDATED', actorId: 'ada' });
    expect(history.data!.activityByTask.items.map((a: { action: string }) => a.action)).toContain('CREATED');
  });

  it('hides archived tasks unless asked, and refuses foreign and invalid requests', async () => {
    const t = await create('Old thing');
    await gql(ada, `mutation($id: ID!) { archiveTask(id: $id) { archived } }`, { id: t.id });
    const hidden = await gql(ada, COLUMN, { p: P, s: 'TODO' });
    expect(hidden.data!.tasksByStatus.items.map((x: { id: string }) => x.id)).not.toContain(t.id);
    const shown = await gql(ada, COLUMN, { p: P, s: 'TODO', arch: true });
    expect(shown.data!.tasksByStatus.items.map((x: { id: string }) => x.id)).toContain(t.id);

    const foreign = await gql(eve, `query($id: ID!) { task(id: $id) { id } }`, { id: t.id });
    expect(foreign.errors![0]!.errorType).toBe('NotFound');
    const unknown = await gql(ada, `query($id: ID!) { task(id: $id) { id } }`, { id: 'nope' });
    expect(unknown.errors![0]!.errorType).toBe('NotFound');
    expect(unknown.errors![0]!.message).toBe(foreign.errors![0]!.message);
    const viewer = await gql(vic, CREATE, { input: { projectId: P, title: 'x' } });
    expect(viewer.errors![0]!.errorType).toBe('Unauthorized');
    const long = await gql(ada, CREATE, { input: { projectId: P, title: 'x'.repeat(201) } });
    expect(long.errors![0]!.errorType).toBe('ValidationError');
    const stranger = await gql(ada, CREATE, { input: { projectId: P, title: 'x', assigneeId: 'eve' } });
    expect(stranger.errors![0]!.errorType).toBe('ValidationError');
    const del = await gql(ada, `mutation($id: ID!) { deleteTask(id: $id) { id deletedAt } }`, { id: t.id });
    expect(del.data!.deleteTask.deletedAt).toBeTruthy();
    const gone = await gql(ada, `query($id: ID!) { task(id: $id) { id } }`, { id: t.id });
    expect(gone.errors![0]!.errorType).toBe('NotFound');
  });

  it('refuses a nextToken this list did not return (tampered, from another list or status, made up) as a ValidationError on nextToken', async () => {
    await create('Page one');
    await create('Page two');
    const PAGE = `query($p: ID!, $s: TaskStatus!, $n: String) { tasksByStatus(projectId: $p, status: $s, limit: 1, nextToken: $n) { items { id } nextToken } }`;
    const first = await gql(ada, PAGE, { p: P, s: 'TODO' });
    const token = first.data!.tasksByStatus.nextToken as string;
    expect(token).toBeTruthy();
    const second = await gql(ada, PAGE, { p: P, s: 'TODO', n: token });
    expect(second.errors).toBeUndefined();
    const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    const elsewhere = `query($p: ID!, $n: String) { backlog(projectId: $p, limit: 1, nextToken: $n) { items { id } } }`;
    for (const [query, n, s] of [[PAGE, flipped, 'TODO'], [elsewhere, token, 'TODO'], [PAGE, 'made-up', 'TODO'], [PAGE, token, 'DONE']] as const) {
      const r = await gql(ada, query, { p: P, s, n });
      expect(r.errors![0]!.errorType, n).toBe('ValidationError');
      expect(r.errors![0]!.errorInfo).toEqual({ field: 'nextToken' });
      expect(r.errors![0]!.message).not.toMatch(/Exception|com\.amazonaws/);
    }
  });

  it('lets exactly one of 100 concurrent updates with the same expectedVersion win', async () => {
    const t = await create('Contended');
    const UPDATE = `mutation($i: UpdateTaskInput!) { updateTask(input: $i) { version title } }`;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, n) => gql(bob, UPDATE, { i: { id: t.id, expectedVersion: t.version, title: `title ${n}` } })),
    );
    const wins = results.filter((r) => !r.errors);
    const losses = results.filter((r) => r.errors);
    expect(wins).toHaveLength(1);
    expect(losses.every((r) => r.errors![0]!.errorType === 'ConflictError')).toBe(true);
    const final = (await gql(bob, `query($id: ID!) { task(id: $id) { title version } }`, { id: t.id })).data!.task;
    expect(final).toEqual(wins[0]!.data!.updateTask);
    const history = await gql(bob, `query($id: ID!) { activityByTask(taskId: $id, limit: 100) { items { action } } }`, { id: t.id });
    expect(history.data!.activityByTask.items.filter((a: { action: string }) => a.action === 'UPDATED')).toHaveLength(1);
    const stale = await gql(bob, UPDATE, { i: { id: t.id, expectedVersion: t.version, title: 'late' } });
    expect(stale.errors![0]!.errorType).toBe('ConflictError');
    expect(stale.errors![0]!.errorInfo).toEqual({ currentVersion: t.version + 1 });
  });
});
