/**
 * Live updates end to end (issue 5): the real aws-amplify v6 client (`generateClient().graphql({ query
 * }).subscribe(...)`, signed in through cognito-local) against the whole local runtime — TLS, the
 * real-time endpoint, the executor, Taskwire's subscription resolvers (authorize step, enhanced and
 * invalidation filters) over DynamoDB Local. Mutations are made by other users over HTTPS, IAM-only
 * mutations are SigV4-signed with the functions' local credentials.
 *
 * Users (local/config.ts): ada (global Admins) creates the projects; max and vera are MEMBERs of
 * project A, max also of B; otto is in no project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishChanges } from '../../functions/workers/publish.ts';
import { useLocalRuntime } from '../support/runtime.ts';
import { graphqlClient } from '../support/graphql.ts';
import { EMAIL, PEOPLE, type Person } from '../support/people.ts';
import { b64url, RawClient } from '../../packages/appsync-local/test/appsync/realtime/wsclient.ts';
import { configureAmplify, registered, signInAs, watch, type Watch } from './amplify.ts';

const rt = useLocalRuntime();
const { gql, raw, refusal } = graphqlClient(rt);

const TASK =
  'id projectId number key title description status priority labels assigneeId reporterId watcherIds storyId sprintId dueAt estimatePoints timeSpentMinutes rank archived archivedAt deletedAt createdAt updatedAt version';
const SPRINT = 'id projectId name goal startsAt endsAt state startedAt completedAt carriedOverTo carryOverDone createdAt updatedAt version';
const COMMENT = 'id taskId projectId authorId body mentions edited createdAt updatedAt version';

const ON_TASK = `subscription OnTask($projectId: ID!) { onTaskChanged(projectId: $projectId) { ${TASK} } }`;
const ON_SPRINT = `subscription OnSprint($projectId: ID!) { onSprintChanged(projectId: $projectId) { ${SPRINT} } }`;
const ON_COMMENT = `subscription OnComment($taskId: ID!) { onCommentAdded(taskId: $taskId) { ${COMMENT} } }`;
const ON_NOTIFICATION = 'subscription OnNotification($userId: ID!) { onNotification(userId: $userId) { id userId kind title body read createdAt version } }';

const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK} } }`;
const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { ${TASK} } }`;
const MOVE_TASK = `mutation($input: MoveTaskInput!) { moveTask(input: $input) { ${TASK} } }`;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { ${COMMENT} } }`;
const CREATE_SPRINT = `mutation($input: CreateSprintInput!) { createSprint(input: $input) { ${SPRINT} } }`;
const PUBLISH_TASK = `mutation($projectId: ID!, $id: ID!) { publishTaskChange(projectId: $projectId, id: $id) { ${TASK} } }`;
const PUBLISH_SPRINT = `mutation($projectId: ID!, $id: ID!) { publishSprintChange(projectId: $projectId, id: $id) { ${SPRINT} } }`;
const PUBLISH_NOTIFICATION =
  'mutation($input: PublishNotificationInput!) { publishNotification(input: $input) { id userId kind title body read createdAt version } }';

const sub = {} as Record<Person, string>;
let projectA = '';
let projectB = '';

async function createTask(who: Person, projectId: string, title: string): Promise<any> {
  return (await gql(who, CREATE_TASK, { input: { projectId, title } })).createTask;
}

/** Who keeps the live view of another user (vera) on its own connection, for "others still receive". */
async function rawSubscriber(who: Person, query: string, variables: Record<string, unknown>): Promise<RawClient> {
  const host = new URL(rt.runtime.urls.graphql).host;
  const authorization = { Authorization: await rt.token(EMAIL[who]), host };
  const c = new RawClient(rt.runtime.urls.realtime, ['graphql-ws', `header-${b64url(authorization)}`], { ca: rt.runtime.caCertPem });
  expect((await c.init()).type).toBe('connection_ack');
  c.send({ id: 's1', type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } } });
  await c.next((f) => f.id === 's1' && (f.type === 'start_ack' || f.type === 'error'));
  expect(c.all('start_ack', 's1')).toHaveLength(1);
  return c;
}

const open: Watch[] = [];
function live(query: string, variables: Record<string, unknown>, options: Parameters<typeof watch>[2] = {}): Watch {
  const w = watch(query, variables, options);
  open.push(w);
  return w;
}
async function closeAll(): Promise<void> {
  for (const w of open.splice(0)) w.unsubscribe();
  await registered(rt, 0);
}

beforeAll(async () => {
  for (const who of PEOPLE) sub[who] = (await gql(who, 'query { me { id } }')).me.id;
  projectA = (await gql('ada', 'mutation { createProject(input: { key: "LIVE", name: "Live A" }) { id } }')).createProject.id;
  projectB = (await gql('ada', 'mutation { createProject(input: { key: "OTHR", name: "Live B" }) { id } }')).createProject.id;
  const add = 'mutation($input: AddMemberInput!) { addMember(input: $input) { userId } }';
  await gql('ada', add, { input: { projectId: projectA, email: EMAIL.max, role: 'MEMBER' } });
  await gql('ada', add, { input: { projectId: projectA, email: EMAIL.vera, role: 'MEMBER' } });
  await gql('ada', add, { input: { projectId: projectB, email: EMAIL.max, role: 'MEMBER' } });
  configureAmplify(rt);
}, 120_000);

afterAll(async () => {
  for (const w of open.splice(0)) w.unsubscribe();
  const { signOut } = await import('aws-amplify/auth');
  await signOut().catch(() => undefined);
});

describe('onTaskChanged through aws-amplify v6', () => {
  it('a member receives the task changes another user makes (create, update, move), with version and updatedAt', async () => {
    await signInAs(rt, EMAIL.max);
    const w = live(ON_TASK, { projectId: projectA });
    await registered(rt, 1);

    const created = await createTask('ada', projectA, 'Live card');
    await w.until(() => w.events.length === 1);
    expect(w.events[0].data.onTaskChanged).toEqual(created);
    expect(created).toMatchObject({ projectId: projectA, version: 1, status: 'TODO' });

    const updated = (await gql('ada', UPDATE_TASK, { input: { id: created.id, expectedVersion: 1, title: 'Live card, renamed' } })).updateTask;
    await w.until(() => w.events.length === 2);
    expect(w.events[1].data.onTaskChanged).toEqual(updated);
    expect(updated).toMatchObject({ title: 'Live card, renamed', version: 2 });

    const moved = (await gql('vera', MOVE_TASK, { input: { id: created.id, status: 'IN_PROGRESS', expectedVersion: 2 } })).moveTask;
    await w.until(() => w.events.length === 3);
    expect(w.events[2].data.onTaskChanged).toEqual(moved);
    expect(moved).toMatchObject({ status: 'IN_PROGRESS', version: 3 });
    // Each event carries what a client needs to drop stale ones.
    expect(w.events.map((e) => e.data.onTaskChanged.version)).toEqual([1, 2, 3]);
    expect(w.events.map((e) => e.data.onTaskChanged.updatedAt)).toEqual([created.updatedAt, updated.updatedAt, moved.updatedAt]);
    await closeAll();
  });

  it('a subscription on one project receives only that project’s events', async () => {
    const w = live(ON_TASK, { projectId: projectA });
    await registered(rt, 1);
    // max is a member of both projects: the filter, not a refusal, keeps B's events away.
    await createTask('ada', projectB, 'In B');
    const inA = await createTask('ada', projectA, 'In A');
    // B's event was published first; had it matched, it would have arrived first on the same socket.
    await w.until(() => w.events.length >= 1);
    expect(w.events.map((e) => e.data.onTaskChanged.id)).toEqual([inA.id]);
    await closeAll();
  });

  it('the mutation’s selection set is what subscribers get: fields it did not select arrive null', async () => {
    const w = live(ON_TASK, { projectId: projectA });
    await registered(rt, 1);
    const created = (await gql('ada', 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id projectId title } }', {
      input: { projectId: projectA, title: 'Thin selection' },
    })).createTask;
    await w.until(() => w.events.length === 1);
    const got = w.events[0].data?.onTaskChanged ?? null;
    // Non-null fields the mutation did not select (version, updatedAt, …) null the whole (nullable) payload.
    expect(got).toBeNull();
    expect(JSON.stringify(w.events[0])).not.toContain(created.title);
    await closeAll();
  });

  it('a non-member’s start is refused (NotFound: existence is not revealed), and so is an unknown project', async () => {
    await signInAs(rt, EMAIL.otto);
    const w = live(ON_TASK, { projectId: projectA });
    await expect(w.failure).rejects.toBeDefined();
    expect(JSON.stringify(w.errors[0])).toContain('NotFound');
    const unknown = live(ON_TASK, { projectId: 'no-such-project' });
    await expect(unknown.failure).rejects.toBeDefined();
    expect(JSON.stringify(unknown.errors[0])).toContain('NotFound');
    expect(rt.runtime.realtime.stats().subscriptions).toBe(0);
    // And nothing of A reaches otto: the next change of A is not delivered to a refused start.
    await createTask('ada', projectA, 'Not for otto');
    expect(w.events).toEqual([]);
    open.splice(0);
  });
});

describe('onCommentAdded and onSprintChanged', () => {
  it('a member receives the comments added to one task, not to its neighbours', async () => {
    await signInAs(rt, EMAIL.max);
    const t1 = await createTask('ada', projectA, 'Commented');
    const t2 = await createTask('ada', projectA, 'Neighbour');
    const w = live(ON_COMMENT, { taskId: t1.id });
    await registered(rt, 1);
    await gql('vera', ADD_COMMENT, { input: { taskId: t2.id, body: 'on the neighbour' } });
    const comment = (await gql('vera', ADD_COMMENT, { input: { taskId: t1.id, body: 'Looks good' } })).addComment;
    await w.until(() => w.events.length >= 1);
    expect(w.events.map((e) => e.data.onCommentAdded)).toEqual([comment]);
    expect(comment).toMatchObject({ taskId: t1.id, projectId: projectA, authorId: sub.vera, version: 1 });
    await closeAll();
  });

  it('a non-member cannot follow the comments of a task of the project', async () => {
    await signInAs(rt, EMAIL.otto);
    const t = await createTask('ada', projectA, 'Private');
    const w = live(ON_COMMENT, { taskId: t.id });
    await expect(w.failure).rejects.toBeDefined();
    expect(JSON.stringify(w.errors[0])).toContain('NotFound');
    open.splice(0);
    expect(rt.runtime.realtime.stats().subscriptions).toBe(0);
  });

  it('a member receives the sprints another user creates in the project', async () => {
    await signInAs(rt, EMAIL.max);
    const w = live(ON_SPRINT, { projectId: projectA });
    await registered(rt, 1);
    await gql('ada', CREATE_SPRINT, { input: { projectId: projectB, name: 'B sprint' } });
    const sprint = (await gql('ada', CREATE_SPRINT, { input: { projectId: projectA, name: 'Sprint 1' } })).createSprint;
    await w.until(() => w.events.length >= 1);
    expect(w.events.map((e) => e.data.onSprintChanged)).toEqual([sprint]);
    await closeAll();
  });
});

describe('IAM-only publish mutations (how Lambda functions reach subscribers)', () => {
  it('a SigV4-signed publishTaskChange delivers the task, whole, to onTaskChanged; another project’s id is NotFound', async () => {
    await signInAs(rt, EMAIL.max);
    const task = await createTask('ada', projectA, 'Carried over');
    const w = live(ON_TASK, { projectId: projectA });
    await registered(rt, 1);

    const wrong = await raw('iam', PUBLISH_TASK, { projectId: projectB, id: task.id });
    expect(wrong.errors?.[0]?.errorType).toBe('NotFound');
    expect(wrong.data!.publishTaskChange).toBeNull();
    const unknown = await raw('iam', PUBLISH_TASK, { projectId: projectA, id: 'no-such-task' });
    expect(unknown.errors?.[0]?.errorType).toBe('NotFound');

    const published = await raw('iam', PUBLISH_TASK, { projectId: projectA, id: task.id });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishTaskChange).toEqual(task);
    await w.until(() => w.events.length >= 1);
    // Only the successful publish arrived (the refused ones came before it on the same socket).
    expect(w.events.map((e) => e.data.onTaskChanged)).toEqual([task]);
    await closeAll();
  });

  it('a SigV4-signed publishSprintChange delivers the sprint to onSprintChanged', async () => {
    const sprint = (await gql('ada', CREATE_SPRINT, { input: { projectId: projectA, name: 'Sprint 2' } })).createSprint;
    const w = live(ON_SPRINT, { projectId: projectA });
    await registered(rt, 1);
    expect((await raw('iam', PUBLISH_SPRINT, { projectId: projectB, id: sprint.id })).errors?.[0]?.errorType).toBe('NotFound');
    const published = await raw('iam', PUBLISH_SPRINT, { projectId: projectA, id: sprint.id });
    expect(published.errors).toBeUndefined();
    await w.until(() => w.events.length >= 1);
    expect(w.events.map((e) => e.data.onSprintChanged)).toEqual([sprint]);
    await closeAll();
  });

  it('the workers function’s own publish (its query, SigV4 with the function credentials, APPSYNC_URL) reaches subscribers', async () => {
    const task = await createTask('ada', projectA, 'Moved by the worker');
    const sprint = (await gql('ada', CREATE_SPRINT, { input: { projectId: projectA, name: 'Worker sprint' } })).createSprint;
    const tasks = live(ON_TASK, { projectId: projectA });
    // The worker selects every Sprint field, so a subscriber selecting all of them gets a whole event.
    const sprints = live(ON_SPRINT, { projectId: projectA });
    await registered(rt, 2);
    // With the workers function's own environment (APPSYNC_URL is its variable, not the process's).
    const outcome = await rt.runtime.lambdas.runAs('workers', () => publishChanges([{ projectId: projectA, id: task.id }], [{ projectId: projectA, id: sprint.id }]));
    expect(outcome).toEqual({ sent: 2, failed: 0, skipped: false });
    await tasks.until(() => tasks.events.length >= 1);
    await sprints.until(() => sprints.events.length >= 1);
    // Every Task field a client reads arrives as stored (deletedAt is null on a live task).
    expect(tasks.events.map((e) => e.data.onTaskChanged)).toEqual([task]);
    expect(sprints.events.map((e) => e.data.onSprintChanged)).toEqual([sprint]);
    await closeAll();
  });

  it('the publish mutations are IAM only: a signed-in member is refused', async () => {
    const task = await createTask('ada', projectA, 'Not publishable by people');
    const r = await refusal('max', PUBLISH_TASK, { projectId: projectA, id: task.id });
    expect(r.errorType).toBe('Unauthorized');
  });

  it('onNotification receives a SigV4-signed publishNotification for that user only', async () => {
    const w = live(ON_NOTIFICATION, { userId: sub.max });
    await registered(rt, 1);
    const input = (id: string, userId: string, title: string) => ({ input: { id, userId, kind: 'ASSIGNED', projectId: projectA, title } });
    expect((await raw('iam', PUBLISH_NOTIFICATION, input('01JLIVE0000000000000000001', sub.vera, 'For vera'))).errors).toBeUndefined();
    const mine = await raw('iam', PUBLISH_NOTIFICATION, input('01JLIVE0000000000000000002', sub.max, 'For max'));
    expect(mine.errors).toBeUndefined();
    await w.until(() => w.events.length >= 1);
    expect(w.events.map((e) => e.data.onNotification)).toEqual([mine.data!.publishNotification]);
    expect(mine.data!.publishNotification).toMatchObject({ userId: sub.max, title: 'For max', read: false, version: 1 });
    await closeAll();
  });

  it('onNotification for another user is refused', async () => {
    const w = live(ON_NOTIFICATION, { userId: sub.vera });
    await expect(w.failure).rejects.toBeDefined();
    expect(JSON.stringify(w.errors[0])).toContain('Unauthorized');
    open.splice(0);
    expect(rt.runtime.realtime.stats().subscriptions).toBe(0);
  });
});

describe('integration tokens (AWS_LAMBDA auth through the real-time endpoint)', () => {
  it('a project’s READ token can subscribe to that project and no other', async () => {
    const created = (
      await gql('ada', 'mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { secret } }', {
        input: { projectId: projectA, name: 'Wallboard', scope: 'READ' },
      })
    ).createIntegrationToken;
    const lambda = { authMode: 'lambda' as const, authToken: created.secret as string };
    const w = live(ON_TASK, { projectId: projectA }, lambda);
    await registered(rt, 1);
    const other = live(ON_TASK, { projectId: projectB }, lambda);
    await expect(other.failure).rejects.toBeDefined();
    expect(JSON.stringify(other.errors[0])).toContain('NotFound');
    const taskB = await createTask('ada', projectB, 'B work');
    const otherComments = live(ON_COMMENT, { taskId: taskB.id }, lambda);
    await expect(otherComments.failure).rejects.toBeDefined();
    expect(JSON.stringify(otherComments.errors[0])).toContain('NotFound');
    expect(rt.runtime.realtime.stats().subscriptions).toBe(1);

    const task = await createTask('ada', projectA, 'Seen by the wallboard');
    await w.until(() => w.events.length >= 1);
    expect(w.events.map((e) => e.data.onTaskChanged)).toEqual([task]);
    await closeAll();
  });

  it('revoking a token closes its live subscriptions at once', async () => {
    const created = (
      await gql('ada', 'mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { secret token { id } } }', {
        input: { projectId: projectA, name: 'Doomed wallboard', scope: 'READ' },
      })
    ).createIntegrationToken;
    const w = live(ON_TASK, { projectId: projectA }, { authMode: 'lambda', authToken: created.secret as string });
    await registered(rt, 1);
    await gql('ada', 'mutation($p: ID!, $id: ID!) { revokeIntegrationToken(projectId: $p, id: $id) { revoked } }', { p: projectA, id: created.token.id });
    expect(rt.runtime.realtime.stats().subscriptions).toBe(0);
    await createTask('ada', projectA, 'Not for a revoked token');
    // Amplify reconnects and re-subscribes; the revoked token's start is refused.
    await expect(w.failure).rejects.toBeDefined();
    expect(w.events).toEqual([]);
    await closeAll();
  });

  it('a token that is not valid cannot subscribe', async () => {
    const w = live(ON_TASK, { projectId: projectA }, { authMode: 'lambda', authToken: `twk_${projectA}_nope_${'0'.repeat(64)}` });
    await expect(w.failure).rejects.toBeDefined();
    open.splice(0);
    expect(rt.runtime.realtime.stats().subscriptions).toBe(0);
  });
});

describe('removing a member ends their live access at once', () => {
  it('closes the removed member’s subscriptions of that project; other members and other projects keep theirs', async () => {
    await signInAs(rt, EMAIL.max);
    const task = await createTask('ada', projectA, 'Before removal');
    // vera (still a member of A) and max's own view of B, each on a connection of its own.
    const vera = await rawSubscriber('vera', ON_TASK, { projectId: projectA });
    const maxB = await rawSubscriber('max', ON_TASK, { projectId: projectB });
    const tasks = live(ON_TASK, { projectId: projectA });
    const comments = live(ON_COMMENT, { taskId: task.id });
    const sprints = live(ON_SPRINT, { projectId: projectA });
    await registered(rt, 5);

    const removed = await gql('ada', 'mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u) { projectId userId } }', {
      p: projectA,
      u: sub.max,
    });
    expect(removed.removeMember).toEqual({ projectId: projectA, userId: sub.max });
    // At once: by the time the mutation has answered, max's three subscriptions of A are gone.
    expect(rt.runtime.realtime.stats().subscriptions).toBe(2);

    // Their next events do not arrive; vera's and max's B view do.
    const after = await createTask('ada', projectA, 'After removal');
    await vera.next((f) => f.type === 'data' && f.payload.data.onTaskChanged.id === after.id);
    await gql('vera', ADD_COMMENT, { input: { taskId: task.id, body: 'after removal' } });
    const inB = await createTask('ada', projectB, 'B still live');
    await maxB.next((f) => f.type === 'data' && f.payload.data.onTaskChanged.id === inB.id);
    expect(tasks.events).toEqual([]);
    expect(comments.events).toEqual([]);
    expect(sprints.events).toEqual([]);
    expect(vera.closed).toBeNull();
    expect(maxB.closed).toBeNull();

    // Amplify sees its socket closed, reconnects and starts the subscriptions again; the subscription
    // resolvers now refuse max (NotFound), which Amplify reports on each subscription's error callback.
    for (const w of [tasks, comments, sprints]) {
      await expect(w.failure).rejects.toBeDefined();
      expect(JSON.stringify(w.errors[0])).toContain('NotFound');
    }
    expect(rt.runtime.realtime.stats().subscriptions).toBe(2);
    open.splice(0);
    vera.close();
    maxB.close();
    await registered(rt, 0);
  }, 60_000);
});
