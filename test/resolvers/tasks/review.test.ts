/**
 * Regression tests of defects found in review, through the real resolver bundles on the local AppSync
 * and DynamoDB Local.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { TASK_FIELDS, buildApp, client, seedProject, user } from './harness.ts';

const db = useDynamoDbTable();
const P = 'proj-review';
const ada = user('ada');
const bob = user('bob');
const root = user('root', ['Admins']);
let gql: ReturnType<typeof client>;

beforeAll(async () => {
  gql = client(buildApp(db));
  await seedProject(db, P, 'RV', { ada: 'ADMIN', bob: 'MEMBER' });
  await seedProject(db, 'proj-review-2', 'RW', { bob: 'MEMBER' });
});

const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK_FIELDS} } }`;
const MY_TASKS = `query($a: ID!) { tasksByAssignee(assigneeId: $a) { items { id projectId title } } }`;

describe('review regressions', () => {
  it('tasksByAssignee shows a removed member nothing of the project they left', async () => {
    const t = (await gql(ada, CREATE, { input: { projectId: P, title: 'Secret roadmap', assigneeId: 'bob' } })).data!.createTask;
    const kept = (await gql(bob, CREATE, { input: { projectId: 'proj-review-2', title: 'Still mine', assigneeId: 'bob' } })).data!.createTask;
    const before = await gql(bob, MY_TASKS, { a: 'bob' });
    expect(before.errors).toBeUndefined();
    expect(before.data!.tasksByAssignee.items.map((i: { id: string }) => i.id).sort()).toEqual([t.id, kept.id].sort());

    const removed = await gql(ada, `mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u) { userId } }`, { p: P, u: 'bob' });
    expect(removed.errors).toBeUndefined();
    // bob may no longer read the task itself ...
    expect((await gql(bob, `query($id: ID!) { task(id: $id) { id } }`, { id: t.id })).errors![0]!.errorType).toBe('NotFound');
    // ... nor find it through his own list, which keeps the projects he is still in.
    const after = await gql(bob, MY_TASKS, { a: 'bob' });
    expect(after.errors).toBeUndefined();
    expect(after.data!.tasksByAssignee.items).toEqual([{ id: kept.id, projectId: 'proj-review-2', title: 'Still mine' }]);
    // The Admins group still sees every assignment.
    const all = await gql(root, MY_TASKS, { a: 'bob' });
    expect(all.data!.tasksByAssignee.items.map((i: { id: string }) => i.id).sort()).toEqual([t.id, kept.id].sort());
  });
});

describe('comment edits', () => {
  it('updateComment records the @mentions of the edited body', async () => {
    const task = (await gql(bob, CREATE, { input: { projectId: 'proj-review-2', title: 'Mentions' } })).data!.createTask;
    const added = (await gql(bob, `mutation($i: AddCommentInput!) { addComment(input: $i) { id version mentions } }`, {
      i: { taskId: task.id, body: 'thoughts, @bob? (not @ada: she is not on this project)' },
    })).data!.addComment;
    expect(added.mentions).toEqual(['bob']);
    const edited = await gql(bob, `mutation($i: UpdateCommentInput!) { updateComment(input: $i) { body mentions version } }`, {
      i: { taskId: task.id, id: added.id, expectedVersion: added.version, body: 'never mind, no one needed' },
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateComment).toEqual({ body: 'never mind, no one needed', mentions: [], version: added.version + 1 });
    const again = await gql(bob, `mutation($i: UpdateCommentInput!) { updateComment(input: $i) { mentions } }`, {
      i: { taskId: task.id, id: added.id, expectedVersion: added.version + 1, body: 'on second thought @bob' },
    });
    expect(again.data!.updateComment.mentions).toEqual(['bob']);
    const stored = (await gql(bob, `query($t: ID!) { commentsByTask(taskId: $t) { items { id mentions } } }`, { t: task.id })).data!.commentsByTask.items;
    expect(stored).toEqual([{ id: added.id, mentions: ['bob'] }]);
  });
});

describe('a comment racing the task deletion', () => {
  it('addComment refuses (NotFound) when the task is deleted between its read and its write, leaving nothing behind', async () => {
    const { QueryCommand } = await import('@aws-sdk/client-dynamodb');
    const task = (await gql(ada, CREATE, { input: { projectId: P, title: 'Doomed' } })).data!.createTask;
    expect(task.watcherIds).toContain('ada'); // so addComment writes no watcher update of its own
    // A real deleteTask lands between addComment's loadTask and its transaction: db.intercept runs it
    // (through the API) just before the comment's TransactWriteItems is sent.
    let armed = true;
    let deleted: Awaited<ReturnType<typeof gql>> | undefined;
    const remove = db.intercept({
      async request(call) {
        const items = (call.input.TransactItems as { Put?: { Item?: { SK?: { S?: string } } } }[] | undefined) ?? [];
        if (armed && call.operation === 'TransactWriteItems' && items.some((i) => i.Put?.Item?.SK?.S?.startsWith('COMMENT#'))) {
          armed = false;
          deleted = await gql(root, `mutation($id: ID!) { deleteTask(id: $id) { id deletedAt } }`, { id: task.id });
        }
      },
    });
    try {
      const r = await gql(ada, `mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`, { i: { taskId: task.id, body: 'last words' } });
      expect(armed).toBe(false);
      expect(deleted!.errors).toBeUndefined();
      expect(r.errors?.[0]?.errorType).toBe('NotFound');
    } finally {
      remove();
    }
    const left = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :c)',
        ExpressionAttributeValues: { ':pk': { S: `TASK#${task.id}` }, ':c': { S: 'COMMENT#' } },
        ConsistentRead: true,
      }),
    );
    expect(left.Items ?? []).toEqual([]);
  });
});

describe('sprint dates', () => {
  const SPRINT = `mutation($i: CreateSprintInput!) { createSprint(input: $i) { id startsAt endsAt } }`;
  it('compares startsAt and endsAt as instants, whatever their UTC offsets', async () => {
    // Ends 07:00Z, three hours before it starts: refused, though its text sorts after startsAt's.
    const backwards = await gql(ada, SPRINT, { i: { projectId: P, name: 'Backwards', startsAt: '2025-01-01T10:00:00Z', endsAt: '2025-01-01T12:00:00+05:00' } });
    expect(backwards.errors?.[0]?.errorType).toBe('ValidationError');
    expect(backwards.errors?.[0]?.errorInfo).toEqual({ field: 'endsAt' });
    // Starts 19:00Z, ends 20:00Z: accepted, though its text sorts before startsAt's.
    const fine = await gql(ada, SPRINT, { i: { projectId: P, name: 'Fine', startsAt: '2025-01-02T00:00:00+05:00', endsAt: '2025-01-01T20:00:00Z' } });
    expect(fine.errors).toBeUndefined();
    const sprint = fine.data!.createSprint;
    const update = await gql(ada, `mutation($i: UpdateSprintInput!) { updateSprint(input: $i) { id } }`, {
      i: { id: sprint.id, expectedVersion: 1, endsAt: '2025-01-01T23:00:00+05:00' },
    });
    expect(update.errors?.[0]?.errorType).toBe('ValidationError');
  });
});

describe('ranks under concurrency', () => {
  it('cards created at the same moment get distinct ranks, so one can later go between them', async () => {
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) => gql(bob, CREATE, { input: { projectId: 'proj-review-2', title: `Burst ${i}` } })),
    );
    const tasks = created.map((r) => r.data!.createTask as { id: string; rank: string; version: number });
    expect(new Set(tasks.map((t) => t.rank)).size).toBe(tasks.length);
    // Two cards moved into the same gap at the same moment also end up distinct.
    const sorted = [...tasks].sort((x, y) => (x.rank < y.rank ? -1 : 1));
    const [top, , , , , , a, b] = sorted;
    const MOVE = `mutation($i: MoveTaskInput!) { moveTask(input: $i) { id rank } }`;
    const moved = await Promise.all(
      [a!, b!].map((t) => gql(bob, MOVE, { i: { id: t.id, status: 'TODO', beforeId: sorted[1]!.id, afterId: top!.id } })),
    );
    const [ra, rb] = moved.map((r) => r.data!.moveTask.rank as string);
    expect(ra).not.toBe(rb);
    for (const r of [ra!, rb!]) expect(r > top!.rank && r < sorted[1]!.rank, r).toBe(true);
  });
});

describe('ranks on a stale board', () => {
  const MOVE = `mutation($i: MoveTaskInput!) { moveTask(input: $i) { id rank } }`;
  const P3 = 'proj-review-3';
  beforeAll(() => seedProject(db, P3, 'RX', { bob: 'MEMBER' }));
  const create = async (n: number) => {
    const out: { id: string; rank: string }[] = [];
    for (let i = 0; i < n; i++) out.push((await gql(bob, CREATE, { input: { projectId: P3, title: `Card ${i}` } })).data!.createTask);
    return out;
  };

  it('20 cards dropped into one gap at once get distinct ranks inside it, and a card still goes between two of them', async () => {
    const cards = await create(23);
    const [above, below, ...rest] = cards;
    const movers = rest.slice(0, 20);
    const moved = await Promise.all(movers.map((t) => gql(bob, MOVE, { i: { id: t.id, status: 'TODO', afterId: above!.id, beforeId: below!.id } })));
    for (const r of moved) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const ranks = moved.map((r) => r.data!.moveTask as { id: string; rank: string }).sort((x, y) => (x.rank < y.rank ? -1 : 1));
    expect(new Set(ranks.map((r) => r.rank)).size).toBe(20);
    for (const r of ranks) expect(r.rank > above!.rank && r.rank < below!.rank, r.rank).toBe(true);
    const last = rest[20]!;
    for (const k of [0, 9, 18]) {
      const r = await gql(bob, MOVE, { i: { id: last.id, status: 'TODO', afterId: ranks[k]!.id, beforeId: ranks[k + 1]!.id } });
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const rank = r.data!.moveTask.rank as string;
      expect(rank > ranks[k]!.rank && rank < ranks[k + 1]!.rank, rank).toBe(true);
    }
  });

  it('a card moved between two cards that share a rank (stored before ranks were unique) lands right below them', async () => {
    const { UpdateItemCommand } = await import('@aws-sdk/client-dynamodb');
    const [x, y, z, w] = await create(4);
    // y takes x's rank, with the index keys that carry it (a TODO card in the backlog).
    await db.client.send(
      new UpdateItemCommand({
        TableName: db.tableName,
        Key: { PK: { S: `TASK#${y!.id}` }, SK: { S: 'TASK' } },
        UpdateExpression: 'SET #r = :r, GSI2SK = :r, GSI3SK = :r',
        ExpressionAttributeNames: { '#r': 'rank' },
        ExpressionAttributeValues: { ':r': { S: x!.rank } },
      }),
    );
    const r = await gql(bob, MOVE, { i: { id: w!.id, status: 'TODO', afterId: x!.id, beforeId: y!.id } });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const rank = r.data!.moveTask.rank as string;
    expect(rank > x!.rank && rank < z!.rank, rank).toBe(true);
  });
});
