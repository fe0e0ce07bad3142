/**
 * Watching is personal state (issue 8): watchTask, unwatchTask and the auto-watch of a first comment
 * never change the task's version or history, so they never make anyone's edit conflict. Through the
 * real resolver bundles on the local AppSync and DynamoDB Local.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { TASK_FIELDS, buildApp, client, seedProject, user } from './harness.ts';

const db = useDynamoDbTable();
const P = 'proj-watching';
const ada = user('ada');
const bob = user('bob');
const vera = user('vera');
const root = user('root', ['Admins']);
let gql: ReturnType<typeof client>;

beforeAll(async () => {
  gql = client(buildApp(db));
  await seedProject(db, P, 'WT', { ada: 'ADMIN', bob: 'MEMBER', vera: 'VIEWER' });
});

const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK_FIELDS} } }`;
const UPDATE = `mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id title version } }`;
const WATCH = `mutation($id: ID!) { watchTask(id: $id) { id version watcherIds } }`;
const UNWATCH = `mutation($id: ID!) { unwatchTask(id: $id) { id version watcherIds } }`;
const READ = `query($id: ID!) { task(id: $id) { id version watcherIds } activityByTask(taskId: $id, limit: 100) { items { action } } }`;

/** Runs `during` (through the API) just before the next TransactWriteItems that `matches` is sent (db.intercept). */
async function racing<T>(matches: (items: Record<string, any>[]) => boolean, during: () => Promise<unknown>, run: () => Promise<T>): Promise<T> {
  let armed = true;
  const remove = db.intercept({
    async request(call) {
      const items = (call.input.TransactItems as Record<string, any>[] | undefined) ?? [];
      if (armed && call.operation === 'TransactWriteItems' && matches(items)) {
        armed = false;
        await during();
      }
    },
  });
  try {
    const out = await run();
    expect(armed).toBe(false);
    return out;
  } finally {
    remove();
  }
}

describe('watching is personal state', () => {
  it('a VIEWER watching and unwatching changes neither the version nor the history, and edits made from the version read before still land', async () => {
    const t = (await gql(bob, CREATE, { input: { projectId: P, title: 'Busy' } })).data!.createTask;
    const before = (await gql(ada, READ, { id: t.id })).data!;

    const watched = await gql(vera, WATCH, { id: t.id });
    expect(watched.errors).toBeUndefined();
    expect(watched.data!.watchTask).toEqual({ id: t.id, version: t.version, watcherIds: ['bob', 'vera'] });
    const edit1 = await gql(bob, UPDATE, { i: { id: t.id, expectedVersion: t.version, title: 'Busy 1' } });
    expect(edit1.errors).toBeUndefined();

    const unwatched = await gql(vera, UNWATCH, { id: t.id });
    expect(unwatched.errors).toBeUndefined();
    expect(unwatched.data!.unwatchTask).toEqual({ id: t.id, version: t.version + 1, watcherIds: ['bob'] });
    const edit2 = await gql(bob, UPDATE, { i: { id: t.id, expectedVersion: t.version + 1, title: 'Busy 2' } });
    expect(edit2.errors).toBeUndefined();

    // Idempotent: watching twice is one watch, unwatching when not watching is nothing.
    expect((await gql(vera, WATCH, { id: t.id })).data!.watchTask.watcherIds).toEqual(['bob', 'vera']);
    expect((await gql(vera, WATCH, { id: t.id })).data!.watchTask.watcherIds).toEqual(['bob', 'vera']);
    expect((await gql(ada, UNWATCH, { id: t.id })).data!.unwatchTask.watcherIds).toEqual(['bob', 'vera']);

    const after = (await gql(ada, READ, { id: t.id })).data!;
    expect(after.task).toEqual({ id: t.id, version: t.version + 2, watcherIds: ['bob', 'vera'] });
    const actions = after.activityByTask.items.map((a: { action: string }) => a.action);
    expect(actions.length).toBe(before.activityByTask.items.length + 2);
    expect(actions).not.toContain('WATCHED');
    expect(actions).not.toContain('UNWATCHED');
  });

  it('a watch racing an edit leaves the edit to land', async () => {
    const t = (await gql(bob, CREATE, { input: { projectId: P, title: 'Raced' } })).data!.createTask;
    let edit: Awaited<ReturnType<typeof gql>> | undefined;
    // bob's edit lands between vera's read of the task and her watch's write (and the other way round below).
    const watched = await racing(
      () => true,
      async () => (edit = await gql(bob, UPDATE, { i: { id: t.id, expectedVersion: t.version, title: 'Raced 1' } })),
      () => gql(vera, WATCH, { id: t.id }),
    );
    expect(edit!.errors).toBeUndefined();
    expect(watched.errors).toBeUndefined();
    const final = (await gql(ada, READ, { id: t.id })).data!.task;
    expect(final).toEqual({ id: t.id, version: t.version + 1, watcherIds: ['bob', 'vera'] });
  });

  it('watching a deleted task is refused', async () => {
    const t = (await gql(bob, CREATE, { input: { projectId: P, title: 'Gone' } })).data!.createTask;
    let deleted: Awaited<ReturnType<typeof gql>> | undefined;
    // The delete lands between the watch's read of the task and its write: nothing is left behind.
    const watched = await racing(
      () => true,
      async () => (deleted = await gql(root, `mutation($id: ID!) { deleteTask(id: $id) { id } }`, { id: t.id })),
      () => gql(vera, WATCH, { id: t.id }),
    );
    expect(deleted!.errors).toBeUndefined();
    expect(watched.errors?.[0]?.errorType).toBe('NotFound');
    expect((await gql(vera, WATCH, { id: t.id })).errors?.[0]?.errorType).toBe('NotFound');
    const left = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND SK = :w',
        ExpressionAttributeValues: { ':pk': { S: `TASK#${t.id}` }, ':w': { S: 'WATCHER#vera' } },
        ConsistentRead: true,
      }),
    );
    expect(left.Items ?? []).toEqual([]);
  });
});

describe('a first comment', () => {
  it('by someone not yet watching lands while the task is edited at the same moment, and makes them a watcher', async () => {
    const t = (await gql(ada, CREATE, { input: { projectId: P, title: 'Discussed' } })).data!.createTask;
    expect(t.watcherIds).not.toContain('bob');
    let edit: Awaited<ReturnType<typeof gql>> | undefined;
    const commented = await racing(
      (items) => items.some((i) => String(i.Put?.Item?.SK?.S ?? '').startsWith('COMMENT#')),
      async () => (edit = await gql(ada, UPDATE, { i: { id: t.id, expectedVersion: t.version, title: 'Discussed 1' } })),
      () => gql(bob, `mutation($i: AddCommentInput!) { addComment(input: $i) { id body } }`, { i: { taskId: t.id, body: 'first!' } }),
    );
    expect(edit!.errors).toBeUndefined();
    expect(commented.errors).toBeUndefined();
    expect(commented.data!.addComment.body).toBe('first!');
    const after = (await gql(ada, READ, { id: t.id })).data!;
    expect(after.task).toEqual({ id: t.id, version: t.version + 1, watcherIds: ['ada', 'bob'] });
  });
});
