/**
 * A team's whole workflow through the API only, on the whole local runtime (DynamoDB Local,
 * cognito-local, the app over TLS) with the demo users' real access tokens:
 *
 *   max creates the project "Shop" and invites vera (an account) and a new hire (no account → INVITED);
 *   they write stories with acceptance criteria, plan two sprints, start the first, move cards across
 *   the board and place them between neighbours, assign, comment with an @mention, log time, archive
 *   and restore, complete the sprint carrying unfinished work to the next sprint, then complete that
 *   one carrying the rest to the backlog — checking the board, the backlog, "my tasks", story progress
 *   and the activity history (before → after) at each step. ada (Admins) helps out without being a
 *   member; otto, who is in no project, sees nothing.
 *
 * The steps depend on each other, so they run as ordered `it`s over one runtime.
 */
import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../support/runtime.ts';
import { graphqlClient } from '../support/graphql.ts';
import { EMAIL, subOf, type Person } from '../support/people.ts';
import { graphql } from '../gql/index.ts';
import type { CreateTaskInput, TaskStatus } from '../gql/graphql.ts';

const rt = useLocalRuntime();
const { gql, refusal } = graphqlClient(rt);

const NEW_HIRE = 'new.hire@shop.example';

const sub = {} as Record<Person, string>;

// ---- what the team builds up
let project = '';
const story = { guest: '', carts: '' };
const criteria = { pay: '', receipt: '', mobile: '' };
const sprint = { one: '', two: '' };
/** Task ids by a short name; titles are `name` too. */
const task: Record<string, string> = {};
const nameOf = (id: string) => Object.keys(task).find((k) => task[k] === id) ?? `?${id}`;

graphql(`fragment TeamTask on Task { id key title status rank sprintId storyId assigneeId watcherIds archived timeSpentMinutes estimatePoints version }`);
graphql(`fragment TeamStory on Story { id title points version acceptanceCriteria { id text done } progress { criteriaTotal criteriaDone percent } }`);

async function createTask(who: Person, name: string, extra: Partial<CreateTaskInput> = {}) {
  const t = (await gql(who, graphql(`mutation TeamCreateTask($i: CreateTaskInput!) { createTask(input: $i) { ...TeamTask } }`), { i: { projectId: project, title: name, ...extra } }))
    .createTask;
  task[name] = t.id;
  return t;
}
const getTask = async (name: string, who: Person = 'max') =>
  (await gql(who, graphql(`query TeamGetTask($id: ID!) { task(id: $id) { ...TeamTask } }`), { id: task[name] })).task!;

async function move(who: Person, name: string, status: TaskStatus, place: { after?: string; before?: string } = {}) {
  return (
    await gql(who, graphql(`mutation TeamMoveTask($i: MoveTaskInput!) { moveTask(input: $i) { ...TeamTask } }`), {
      i: { id: task[name], status, afterId: place.after ? task[place.after] : undefined, beforeId: place.before ? task[place.before] : undefined },
    })
  ).moveTask;
}

const STATUSES = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'] as const;
const MY_PROJECTS = graphql(`query TeamMyProjects { myProjects { items { id } } }`);
const MY_ROLES = graphql(`query TeamMyRoles { myProjects { items { id myRole } } }`);
const TASKS_OF = graphql(`query TeamTasksOf($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id } } }`);
const ARCHIVE_TASK = graphql(`mutation TeamArchiveTask($id: ID!) { archiveTask(id: $id) { archived } }`);
const COMMENT = graphql(`mutation TeamComment($i: AddCommentInput!) { addComment(input: $i) { id } }`);
const ACTIVE_SPRINT = graphql(`query TeamActiveSprint($id: ID!) { project(id: $id) { activeSprintId } }`);

/** The board as the client shows it: the active sprint's columns when one is active, else all open tasks. */
async function board(who: Person = 'vera', opts: { includeArchived?: boolean } = {}): Promise<Record<string, string[]>> {
  const p = (await gql(who, ACTIVE_SPRINT, { id: project })).project!;
  const out: Record<string, string[]> = {};
  for (const status of STATUSES) {
    const col = await gql(
      who,
      graphql(`query TeamBoardColumn($p: ID!, $s: TaskStatus!, $sp: ID, $a: Boolean) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp, includeArchived: $a) { items { id status rank } } }`),
      { p: project, s: status, sp: p.activeSprintId, a: opts.includeArchived ?? false },
    );
    const items = col.tasksByStatus.items;
    expect(items.every((t) => t.status === status)).toBe(true);
    expect(items.map((t) => t.rank)).toEqual(items.map((t) => t.rank).sort());
    out[status] = items.map((t) => nameOf(t.id));
  }
  return out;
}

async function backlog(who: Person = 'vera'): Promise<string[]> {
  const items = (await gql(who, graphql(`query TeamBacklog($p: ID!) { backlog(projectId: $p) { items { id sprintId rank } } }`), { p: project })).backlog.items;
  expect(items.every((t) => t.sprintId === null)).toBe(true);
  expect(items.map((t) => t.rank)).toEqual(items.map((t) => t.rank).sort());
  return items.map((t) => nameOf(t.id));
}

/** "My tasks", as the person themselves sees them (status order, then due date). */
async function myTasks(who: Person): Promise<string[]> {
  const items = (await gql(who, graphql(`query TeamMyTasks($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id status } } }`), { a: sub[who] })).tasksByAssignee.items;
  const order = items.map((t) => STATUSES.indexOf(t.status));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  return items.map((t) => nameOf(t.id));
}

async function progressOf(storyId: string) {
  return (
    await gql('vera', graphql(`query TeamStoryProgress($id: ID!) { story(id: $id) { progress { tasksTotal tasksDone pointsTotal pointsDone criteriaTotal criteriaDone percent } } }`), {
      id: storyId,
    })
  ).story!.progress;
}

async function history(name: string): Promise<{ action: string; actorId: string; changes: { field: string; before: unknown; after: unknown }[] }[]> {
  const items = (
    await gql('vera', graphql(`query TeamHistory($t: ID!) { activityByTask(taskId: $t, limit: 100) { items { action actorId entityType changes { field before after } } } }`), {
      t: task[name],
    })
  ).activityByTask.items;
  // AWSJSON values: parse them, so `before → after` reads as values.
  return items.map((a) => ({
    action: a.action,
    actorId: a.actorId,
    changes: a.changes.map((c) => ({ field: c.field, before: c.before === null ? null : JSON.parse(c.before), after: c.after === null ? null : JSON.parse(c.after) })),
  }));
}

describe("a team's workflow", () => {
  it('max creates the project and becomes its ADMIN; nobody else sees it yet', async () => {
    for (const p of Object.keys(EMAIL) as Person[]) sub[p] = subOf(await rt.token(EMAIL[p]));
    const created = (await gql('max', graphql(`mutation TeamCreateProject($i: CreateProjectInput!) { createProject(input: $i) { id key name myRole taskCount activeSprintId } }`), {
      i: { key: 'SHOP', name: 'Shop', description: 'The web shop' },
    })).createProject;
    expect(created).toMatchObject({ key: 'SHOP', name: 'Shop', myRole: 'ADMIN', taskCount: 0, activeSprintId: null });
    project = created.id;
    expect((await gql('max', MY_ROLES)).myProjects.items).toEqual([{ id: project, myRole: 'ADMIN' }]);
    expect((await gql('vera', MY_PROJECTS)).myProjects.items).toEqual([]);
    expect((await refusal('vera', graphql(`query TeamProject($id: ID!) { project(id: $id) { id } }`), { id: project })).errorType).toBe('NotFound');
  });

  it('invites vera (an account: ACTIVE) and a new hire (no account: INVITED through Cognito)', async () => {
    const ADD = graphql(`mutation TeamAddMember($i: AddMemberInput!) { addMember(input: $i) { userId email role status } }`);
    const vera = (await gql('max', ADD, { i: { projectId: project, email: EMAIL.vera, role: 'MEMBER' } })).addMember;
    expect(vera).toEqual({ userId: sub.vera, email: EMAIL.vera, role: 'MEMBER', status: 'ACTIVE' });
    const hire = (await gql('max', ADD, { i: { projectId: project, email: NEW_HIRE, role: 'VIEWER' } })).addMember;
    expect(hire).toMatchObject({ email: NEW_HIRE, role: 'VIEWER', status: 'INVITED' });
    expect(hire.userId).toBeTruthy();
    // Adding again with the same role changes nothing; only an ADMIN adds people.
    expect((await gql('max', ADD, { i: { projectId: project, email: NEW_HIRE, role: 'VIEWER' } })).addMember).toEqual(hire);
    expect((await refusal('vera', ADD, { i: { projectId: project, email: EMAIL.otto, role: 'MEMBER' } })).errorType).toBe('Unauthorized');

    const members = (await gql('vera', graphql(`query TeamProjectMembers($p: ID!) { projectMembers(projectId: $p) { items { email role status } } }`), { p: project })).projectMembers.items;
    expect(members.map((m) => m.email).sort()).toEqual([EMAIL.max, EMAIL.vera, NEW_HIRE].sort());
    expect(members.find((m) => m.email === NEW_HIRE)).toEqual({ email: NEW_HIRE, role: 'VIEWER', status: 'INVITED' });
    expect((await gql('vera', MY_ROLES)).myProjects.items).toEqual([{ id: project, myRole: 'MEMBER' }]);
    const log = (await gql('max', graphql(`query TeamActivityByProject($p: ID!) { activityByProject(projectId: $p) { items { action actorId entityType } } }`), { p: project })).activityByProject.items;
    expect(log.filter((a) => a.action === 'MEMBER_ADDED')).toEqual([
      { action: 'MEMBER_ADDED', actorId: sub.max, entityType: 'MEMBERSHIP' },
      { action: 'MEMBER_ADDED', actorId: sub.max, entityType: 'MEMBERSHIP' },
    ]);
  });

  it('writes stories with acceptance criteria, edits and ticks them', async () => {
    const guest = (await gql('max', graphql(`mutation TeamWriteStory($i: CreateStoryInput!) { createStory(input: $i) { ...TeamStory } }`), {
      i: { projectId: project, title: 'Guest checkout', points: 8, acceptanceCriteria: ['A guest can pay without an account', 'A receipt is emailed'] },
    })).createStory;
    expect(guest.acceptanceCriteria.map((c) => [c.text, c.done])).toEqual([
      ['A guest can pay without an account', false],
      ['A receipt is emailed', false],
    ]);
    story.guest = guest.id;
    [criteria.pay, criteria.receipt] = guest.acceptanceCriteria.map((c) => c.id);
    story.carts = (await gql('vera', graphql(`mutation TeamCreateStory($i: CreateStoryInput!) { createStory(input: $i) { id } }`), {
      i: { projectId: project, title: 'Saved carts', acceptanceCriteria: ['A cart survives a reload'] },
    })).createStory.id;

    const SET = graphql(`mutation TeamSetCriterion($i: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $i) { ...TeamStory } }`);
    const added = (await gql('vera', SET, { i: { storyId: story.guest, text: 'Works on mobile' } })).setAcceptanceCriterion;
    criteria.mobile = added.acceptanceCriteria[2].id;
    const edited = (await gql('vera', SET, { i: { storyId: story.guest, criterionId: criteria.receipt, text: 'A receipt is emailed within a minute' } }))
      .setAcceptanceCriterion;
    expect(edited.acceptanceCriteria[1]).toEqual({ id: criteria.receipt, text: 'A receipt is emailed within a minute', done: false });
    const ticked = (await gql('vera', SET, { i: { storyId: story.guest, criterionId: criteria.pay, done: true } })).setAcceptanceCriterion;
    expect(ticked.progress).toEqual({ criteriaTotal: 3, criteriaDone: 1, percent: 33 });
    const list = (await gql('max', graphql(`query TeamStoriesByProject($p: ID!) { storiesByProject(projectId: $p) { items { id title } } }`), { p: project })).storiesByProject.items;
    expect(list.map((s) => s.title).sort()).toEqual(['Guest checkout', 'Saved carts']);
  });

  it('plans two sprints and fills the first; the rest waits in the backlog', async () => {
    const SPRINT = graphql(`mutation TeamCreateSprint($i: CreateSprintInput!) { createSprint(input: $i) { id name state goal } }`);
    const one = (await gql('max', SPRINT, { i: { projectId: project, name: 'Sprint 1', goal: 'Guests can buy', startsAt: '2025-03-03T09:00:00Z', endsAt: '2025-03-14T17:00:00Z' } }))
      .createSprint;
    expect(one).toMatchObject({ name: 'Sprint 1', state: 'PLANNED', goal: 'Guests can buy' });
    sprint.one = one.id;
    sprint.two = (await gql('vera', SPRINT, { i: { projectId: project, name: 'Sprint 2' } })).createSprint.id;

    const form = await createTask('max', 'form', { storyId: story.guest, sprintId: sprint.one, estimatePoints: 3, priority: 'HIGH', labels: ['frontend'] });
    expect(form).toMatchObject({ key: 'SHOP-1', status: 'TODO', sprintId: sprint.one, storyId: story.guest, watcherIds: [sub.max], version: 1 });
    await createTask('max', 'payment', { storyId: story.guest, sprintId: sprint.one, estimatePoints: 5 });
    await createTask('vera', 'receipt', { storyId: story.guest, sprintId: sprint.one, estimatePoints: 2 });
    await createTask('vera', 'docs', { sprintId: sprint.one, estimatePoints: 1 });
    await createTask('max', 'cart', { storyId: story.carts, estimatePoints: 5 });
    await createTask('vera', 'polish', { estimatePoints: 1 });
    expect((await getTask('polish')).key).toBe('SHOP-6');

    expect(await backlog()).toEqual(['cart', 'polish']);
    // No sprint is active: the board shows every open task, new ones at the bottom of TODO.
    expect(await board()).toEqual({ TODO: ['form', 'payment', 'receipt', 'docs', 'cart', 'polish'], IN_PROGRESS: [], IN_REVIEW: [], DONE: [] });
    expect(await progressOf(story.guest)).toEqual({ tasksTotal: 3, tasksDone: 0, pointsTotal: 10, pointsDone: 0, criteriaTotal: 3, criteriaDone: 1, percent: 16 });
  });

  it('starts Sprint 1: one active sprint per project, and the board becomes the sprint', async () => {
    const started = (await gql('max', graphql(`mutation TeamStartSprint($id: ID!) { startSprint(id: $id) { id state startedAt } }`), { id: sprint.one })).startSprint;
    expect(started.state).toBe('ACTIVE');
    expect(started.startedAt).toBeTruthy();
    const second = await refusal('vera', graphql(`mutation TeamStartAnother($id: ID!) { startSprint(id: $id) { id } }`), { id: sprint.two });
    expect(second.errorType).toBe('ConflictError');
    expect((await gql('vera', ACTIVE_SPRINT, { id: project })).project!.activeSprintId).toBe(sprint.one);
    expect(await board()).toEqual({ TODO: ['form', 'payment', 'receipt', 'docs'], IN_PROGRESS: [], IN_REVIEW: [], DONE: [] });
    const planned = (await gql('vera', graphql(`query TeamPlannedSprints($p: ID!) { sprintsByProject(projectId: $p, state: PLANNED) { items { id } } }`), { p: project })).sprintsByProject.items;
    expect(planned).toEqual([{ id: sprint.two }]);
  });

  it('moves cards across the board, placing them between neighbours without rewriting the column', async () => {
    await move('vera', 'form', 'IN_PROGRESS');
    await move('vera', 'payment', 'IN_PROGRESS', { after: 'form' });
    const before = { form: await getTask('form'), payment: await getTask('payment') };
    const receipt = await move('max', 'receipt', 'IN_PROGRESS', { after: 'form', before: 'payment' });
    expect(receipt.rank > before.form.rank && receipt.rank < before.payment.rank).toBe(true);
    // The neighbours were not rewritten.
    expect((await getTask('form')).version).toBe(before.form.version);
    expect((await getTask('payment')).version).toBe(before.payment.version);
    // docs to the top of IN_PROGRESS, then on to review.
    await move('vera', 'docs', 'IN_PROGRESS', { before: 'form' });
    expect(await board()).toEqual({ TODO: [], IN_PROGRESS: ['docs', 'form', 'receipt', 'payment'], IN_REVIEW: [], DONE: [] });
    await move('vera', 'docs', 'IN_REVIEW');
    expect(await board()).toEqual({ TODO: [], IN_PROGRESS: ['form', 'receipt', 'payment'], IN_REVIEW: ['docs'], DONE: [] });

    // A move with a stale version is refused, never applied over someone else's change.
    const stale = await refusal('max', graphql(`mutation TeamMoveStale($i: MoveTaskInput!) { moveTask(input: $i) { id } }`), {
      i: { id: task.form, status: 'DONE', expectedVersion: before.form.version - 1 },
    });
    expect(stale.errorType).toBe('ConflictError');
    expect(stale.errorInfo).toEqual({ currentVersion: before.form.version });
    expect((await getTask('form')).status).toBe('IN_PROGRESS');

    const moved = await history('receipt');
    expect(moved[0]).toEqual({
      action: 'MOVED',
      actorId: sub.max,
      changes: expect.arrayContaining([{ field: 'status', before: 'TODO', after: 'IN_PROGRESS' }]),
    });
  });

  it('assigns work: my tasks follow, the assignee watches, and unassigning clears it', async () => {
    const ASSIGN = graphql(`mutation TeamAssign($id: ID!, $a: ID) { assignTask(id: $id, assigneeId: $a) { ...TeamTask } }`);
    expect(await myTasks('vera')).toEqual([]);
    const form = (await gql('max', ASSIGN, { id: task.form, a: sub.vera })).assignTask;
    expect(form.assigneeId).toBe(sub.vera);
    expect(form.watcherIds).toEqual([sub.max, sub.vera].sort());
    await gql('max', ASSIGN, { id: task.docs, a: sub.vera });
    await gql('vera', ASSIGN, { id: task.payment, a: sub.max });
    await gql('max', ASSIGN, { id: task.cart, a: sub.vera });
    // Status order: TODO (cart), IN_PROGRESS (form), IN_REVIEW (docs).
    expect(await myTasks('vera')).toEqual(['cart', 'form', 'docs']);
    expect(await myTasks('max')).toEqual(['payment']);
    // Nobody lists someone else's tasks but the Admins group; nobody assigns an outsider.
    expect((await refusal('max', TASKS_OF, { a: sub.vera })).errorType).toBe('Unauthorized');
    expect((await gql('ada', TASKS_OF, { a: sub.vera })).tasksByAssignee.items).toHaveLength(3);
    expect((await refusal('max', ASSIGN, { id: task.cart, a: sub.otto })).errorType).toBe('ValidationError');

    const cart = (await gql('max', ASSIGN, { id: task.cart, a: null })).assignTask;
    expect(cart.assigneeId).toBeNull();
    expect(await myTasks('vera')).toEqual(['form', 'docs']);
    expect((await history('cart')).slice(0, 2).map((a) => [a.action, a.changes.find((c) => c.field === 'assigneeId')])).toEqual([
      ['ASSIGNED', { field: 'assigneeId', before: sub.vera, after: null }],
      ['ASSIGNED', { field: 'assigneeId', before: null, after: sub.vera }],
    ]);
  });

  it('discusses a card: an @mention is recorded, the commenter watches, the author edits', async () => {
    const added = (await gql('vera', graphql(`mutation TeamAddComment($i: AddCommentInput!) { addComment(input: $i) { id authorId body mentions edited version } }`), {
      i: { taskId: task.payment, body: '@max the card form is ready: can you wire the payment API? (cc @otto, not on the team)' },
    })).addComment;
    expect(added).toMatchObject({ authorId: sub.vera, mentions: [sub.max], edited: false });
    expect((await getTask('payment')).watcherIds).toEqual([sub.max, sub.vera].sort());
    const edited = (await gql('vera', graphql(`mutation TeamUpdateComment($i: UpdateCommentInput!) { updateComment(input: $i) { body edited version mentions } }`), {
      i: { taskId: task.payment, id: added.id, expectedVersion: added.version, body: '@max the card form is ready: can you wire the payment API?' },
    })).updateComment;
    expect(edited).toMatchObject({ edited: true, version: added.version + 1, mentions: [sub.max] });
    // max is an ADMIN: he may edit vera's comment too, but not with her old version.
    const stale = await refusal('max', graphql(`mutation TeamUpdateStale($i: UpdateCommentInput!) { updateComment(input: $i) { id } }`), {
      i: { taskId: task.payment, id: added.id, expectedVersion: added.version, body: 'overwritten' },
    });
    expect(stale.errorType).toBe('ConflictError');
    await gql('max', COMMENT, { i: { taskId: task.payment, body: 'On it.' } });
    const slip = (await gql('max', COMMENT, { i: { taskId: task.payment, body: 'wrong card, sorry' } })).addComment;
    await gql('max', graphql(`mutation TeamDeleteComment($t: ID!, $id: ID!) { deleteComment(taskId: $t, id: $id) { id } }`), { t: task.payment, id: slip.id });
    const thread = (await gql('vera', graphql(`query TeamCommentsByTask($t: ID!) { commentsByTask(taskId: $t) { items { body authorId } } }`), { t: task.payment })).commentsByTask.items;
    expect(thread).toEqual([
      { body: '@max the card form is ready: can you wire the payment API?', authorId: sub.vera },
      { body: 'On it.', authorId: sub.max },
    ]);
    // The task's history tells comments apart from the task: edits and deletions name the comment.
    const log = (await gql('vera', graphql(`query TeamActivityByTask($t: ID!) { activityByTask(taskId: $t, limit: 5) { items { action entityType entityId changes { field before after } } } }`), { t: task.payment })).activityByTask.items;
    expect(log.slice(0, 2)).toEqual([
      { action: 'DELETED', entityType: 'COMMENT', entityId: slip.id, changes: [{ field: 'body', before: JSON.stringify('wrong card, sorry'), after: null }] },
      { action: 'COMMENTED', entityType: 'TASK', entityId: task.payment, changes: [{ field: 'comment', before: null, after: JSON.stringify(slip.id) }] },
    ]);
    expect(log.find((a) => a.action === 'UPDATED' && a.entityType === 'COMMENT')).toMatchObject({
      entityId: added.id,
      changes: [{ field: 'body', before: JSON.stringify(added.body), after: JSON.stringify(edited.body) }],
    });
  });

  it('logs time: entries add up on the task', async () => {
    const LOG = graphql(`mutation TeamLogTime($i: LogTimeInput!) { logTime(input: $i) { id userId minutes workDate note } }`);
    const entry = (await gql('vera', LOG, { i: { taskId: task.form, minutes: 90, workDate: '2025-03-04', note: 'layout' } })).logTime;
    expect(entry).toMatchObject({ userId: sub.vera, minutes: 90, workDate: '2025-03-04', note: 'layout' });
    await gql('max', LOG, { i: { taskId: task.form, minutes: 45, workDate: '2025-03-05' } });
    expect((await getTask('form')).timeSpentMinutes).toBe(135);
    const entries = (await gql('vera', graphql(`query TeamTimeEntriesByTask($t: ID!) { timeEntriesByTask(taskId: $t) { items { userId minutes } } }`), { t: task.form })).timeEntriesByTask.items;
    expect(entries.map((e) => e.minutes).sort()).toEqual([45, 90]);
    expect((await refusal('vera', LOG, { i: { taskId: task.form, minutes: 0, workDate: '2025-03-05' } })).errorType).toBe('ValidationError');
  });

  it('archives a card (lists hide it unless asked) and restores it', async () => {
    await gql('vera', ARCHIVE_TASK, { id: task.docs });
    expect(await board()).toEqual({ TODO: [], IN_PROGRESS: ['form', 'receipt', 'payment'], IN_REVIEW: [], DONE: [] });
    expect((await board('vera', { includeArchived: true })).IN_REVIEW).toEqual(['docs']);
    expect(await myTasks('vera')).toEqual(['form']);
    await gql('vera', ARCHIVE_TASK, { id: task.polish });
    expect(await backlog()).toEqual(['cart']);

    const restored = (await gql('max', graphql(`mutation TeamRestoreTask($id: ID!) { restoreTask(id: $id) { archived archivedAt status } }`), { id: task.docs })).restoreTask;
    expect(restored).toEqual({ archived: false, archivedAt: null, status: 'IN_REVIEW' });
    expect((await board()).IN_REVIEW).toEqual(['docs']);
    expect(await myTasks('vera')).toEqual(['form', 'docs']);
    await gql('max', graphql(`mutation TeamRestorePolish($id: ID!) { restoreTask(id: $id) { archived } }`), { id: task.polish });
    expect(await backlog()).toEqual(['cart', 'polish']);
    expect((await history('docs')).slice(0, 2).map((a) => [a.action, a.changes.find((c) => c.field === 'archived')])).toEqual([
      ['RESTORED', { field: 'archived', before: true, after: false }],
      ['ARCHIVED', { field: 'archived', before: false, after: true }],
    ]);
  });

  it('finishes work: story progress counts done tasks, points and criteria', async () => {
    await move('vera', 'form', 'DONE');
    await move('max', 'docs', 'DONE', { after: 'form' });
    expect(await board()).toEqual({ TODO: [], IN_PROGRESS: ['receipt', 'payment'], IN_REVIEW: [], DONE: ['form', 'docs'] });
    expect(await progressOf(story.guest)).toEqual({ tasksTotal: 3, tasksDone: 1, pointsTotal: 10, pointsDone: 3, criteriaTotal: 3, criteriaDone: 1, percent: 33 });
    await gql('max', graphql(`mutation TeamSetAcceptanceCriterion($i: SetAcceptanceCriterionInput!) { setAcceptanceCriterion(input: $i) { id } }`), { i: { storyId: story.guest, criterionId: criteria.mobile, done: true } });
    expect((await progressOf(story.guest)).percent).toBe(50);
    expect(await myTasks('vera')).toEqual(['form', 'docs']);
  });

  it('completes Sprint 1, carrying unfinished work over to Sprint 2', async () => {
    const done = (await gql('max', graphql(`mutation TeamCompleteSprint($i: CompleteSprintInput!) { completeSprint(input: $i) { id state completedAt carriedOverTo carryOverDone } }`), {
      i: { id: sprint.one, carryOverTo: sprint.two },
    })).completeSprint;
    expect(done).toMatchObject({ state: 'COMPLETED', carriedOverTo: sprint.two, carryOverDone: true });
    expect(done.completedAt).toBeTruthy();
    expect((await gql('vera', ACTIVE_SPRINT, { id: project })).project!.activeSprintId).toBeNull();
    const where = async (name: string) => (await getTask(name)).sprintId;
    expect([await where('form'), await where('docs'), await where('receipt'), await where('payment')]).toEqual([sprint.one, sprint.one, sprint.two, sprint.two]);
    // Carried-over cards keep their status and order.
    const column = async (sp: string, status: TaskStatus) =>
      (await gql('vera', graphql(`query TeamTasksByStatus($p: ID!, $s: TaskStatus!, $sp: ID) { tasksByStatus(projectId: $p, status: $s, sprintId: $sp) { items { id } } }`), { p: project, s: status, sp }))
        .tasksByStatus.items.map((t) => nameOf(t.id));
    expect(await column(sprint.two, 'IN_PROGRESS')).toEqual(['receipt', 'payment']);
    expect(await column(sprint.one, 'DONE')).toEqual(['form', 'docs']);
    expect(await backlog()).toEqual(['cart', 'polish']);
    expect((await history('payment'))[0]).toEqual({
      action: 'UPDATED',
      actorId: sub.max,
      changes: [{ field: 'sprintId', before: sprint.one, after: sprint.two }],
    });
    // Nothing is added to a completed sprint.
    expect((await refusal('vera', graphql(`mutation TeamCreateLate($i: CreateTaskInput!) { createTask(input: $i) { id } }`), { i: { projectId: project, title: 'late', sprintId: sprint.one } })).errorType).toBe(
      'ValidationError',
    );
    // No sprint is active: the board is every open task again.
    expect(await board()).toEqual({ TODO: ['cart', 'polish'], IN_PROGRESS: ['receipt', 'payment'], IN_REVIEW: [], DONE: ['form', 'docs'] });
  });

  it('runs Sprint 2 and completes it to the backlog; ada (Admins) helps without being a member', async () => {
    await gql('vera', graphql(`mutation TeamStartSprintTwo($id: ID!) { startSprint(id: $id) { state } }`), { id: sprint.two });
    const pulled = (await gql('max', graphql(`mutation TeamUpdateTask($i: UpdateTaskInput!) { updateTask(input: $i) { sprintId version } }`), {
      i: { id: task.cart, expectedVersion: (await getTask('cart')).version, sprintId: sprint.two },
    })).updateTask;
    expect(pulled.sprintId).toBe(sprint.two);
    expect(await backlog()).toEqual(['polish']);
    expect(await board()).toEqual({ TODO: ['cart'], IN_PROGRESS: ['receipt', 'payment'], IN_REVIEW: [], DONE: [] });
    await move('max', 'payment', 'DONE');
    // ada is in no project but may do everything: she moves receipt to review.
    expect((await gql('ada', MY_PROJECTS)).myProjects.items).toEqual([]);
    await move('ada', 'receipt', 'IN_REVIEW');
    expect((await history('receipt'))[0]).toMatchObject({ action: 'MOVED', actorId: sub.ada });

    const done = (await gql('vera', graphql(`mutation TeamCompleteSprintTwo($i: CompleteSprintInput!) { completeSprint(input: $i) { state carriedOverTo carryOverDone } }`), { i: { id: sprint.two } }))
      .completeSprint;
    expect(done).toEqual({ state: 'COMPLETED', carriedOverTo: null, carryOverDone: true });
    // Carried into the backlog with its rank: receipt was ranked above cart and polish all along.
    expect(await backlog()).toEqual(['receipt', 'cart', 'polish']);
    expect((await getTask('payment')).sprintId).toBe(sprint.two);
    expect((await getTask('receipt')).status).toBe('IN_REVIEW');
    expect((await history('receipt'))[0]).toEqual({ action: 'UPDATED', actorId: sub.vera, changes: [{ field: 'sprintId', before: sprint.two, after: null }] });
    const sprints = (await gql('vera', graphql(`query TeamCompletedSprints($p: ID!) { sprintsByProject(projectId: $p, state: COMPLETED) { items { id } } }`), { p: project })).sprintsByProject.items;
    expect(sprints.map((s) => s.id).sort()).toEqual([sprint.one, sprint.two].sort());
    expect(await progressOf(story.guest)).toEqual({ tasksTotal: 3, tasksDone: 2, pointsTotal: 10, pointsDone: 8, criteriaTotal: 3, criteriaDone: 2, percent: 66 });
    expect(await progressOf(story.carts)).toEqual({ tasksTotal: 1, tasksDone: 0, pointsTotal: 5, pointsDone: 0, criteriaTotal: 1, criteriaDone: 0, percent: 0 });
    expect(await myTasks('max')).toEqual(['payment']);
  });

  it("keeps each card's whole history, newest first, and shows otto nothing", async () => {
    const form = await history('form');
    expect(form.map((a) => [a.action, a.actorId])).toEqual([
      ['MOVED', sub.vera],
      ['TIME_LOGGED', sub.max],
      ['TIME_LOGGED', sub.vera],
      ['ASSIGNED', sub.max],
      ['MOVED', sub.vera],
      ['CREATED', sub.max],
    ]);
    expect(form[0]!.changes).toEqual([{ field: 'status', before: 'IN_PROGRESS', after: 'DONE' }]);
    // The assignee starts watching too, but watching is personal state, not the card's history.
    expect(form[3]!.changes).toEqual([{ field: 'assigneeId', before: null, after: sub.vera }]);
    expect(form[5]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', before: null, after: 'form' },
        { field: 'status', before: null, after: 'TODO' },
        { field: 'sprintId', before: null, after: sprint.one },
      ]),
    );
    const logged = form.filter((a) => a.action === 'TIME_LOGGED');
    // An entry is recorded as what it added (the total is an atomic sum, so concurrent logs both count).
    expect(logged.map((a) => [a.actorId, a.changes])).toEqual([
      [sub.max, [{ field: 'minutes', before: null, after: 45 }, { field: 'workDate', before: null, after: '2025-03-05' }]],
      [sub.vera, [{ field: 'minutes', before: null, after: 90 }, { field: 'workDate', before: null, after: '2025-03-04' }]],
    ]);
    expect((await history('payment')).map((a) => a.action)).toContain('COMMENTED');

    expect((await gql('otto', MY_PROJECTS)).myProjects.items).toEqual([]);
    for (const refused of [
      () => refusal('otto', graphql(`query TeamOttoProject($id: ID!) { project(id: $id) { id } }`), { id: project }),
      () => refusal('otto', graphql(`query TeamOttoTask($id: ID!) { task(id: $id) { id } }`), { id: task.form }),
      () => refusal('otto', graphql(`query TeamOttoBacklog($p: ID!) { backlog(projectId: $p) { items { id } } }`), { p: project }),
      () => refusal('otto', graphql(`query TeamOttoActivity($t: ID!) { activityByTask(taskId: $t) { items { id } } }`), { t: task.form }),
    ]) {
      expect((await refused()).errorType).toBe('NotFound');
    }
  });
});
