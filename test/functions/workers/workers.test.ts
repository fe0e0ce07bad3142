/**
 * The `workers` function against DynamoDB Local and s3rver (no mocks): the purge of a deleted task's
 * children in batches (idempotent, resumable from its tombstone) and the carry-over of a completed
 * sprint's unfinished tasks (twice at once: same result, one activity per task). Tasks, sprints and
 * the deletes are made through the API (the real resolver bundles), so the worker meets the items and
 * tombstones the resolvers write.
 */
import { BatchWriteItemCommand, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_EXPIRES_SECONDS } from '../../../functions/attachments/s3.ts';
import { handler } from '../../../functions/workers/handler.ts';
import { UPLOAD_GRACE_MS, purgeTask, resumePurges } from '../../../functions/workers/purgeTask.ts';
import {
  attachmentKey,
  attachmentObjectKey,
  backlogPk,
  commentKey,
  sprintKey,
  sprintPk,
  taskActivityKey,
  taskPk,
  timeEntryKey,
} from '../../../model/keys.ts';
import { INDEX } from '../../../model/table.ts';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { buildApp, client, seedProject, user } from '../../resolvers/tasks/harness.ts';
import { BUCKET, useS3AndEnv } from '../../resolvers/attachments/harness.ts';

const db = useDynamoDbTable();
const s3f = useS3AndEnv(db);
const P = 'proj-workers';
const ada = user('ada');
let gql: ReturnType<typeof client>;

beforeAll(async () => {
  // The work harness stands a NONE source in for the workers function: the tests run the worker themselves.
  gql = client(buildApp(db));
  await seedProject(db, P, 'WK', { ada: 'ADMIN' });
});

/** A clock past the last upload URL of any task deleted by now: the purge's final pass. */
const afterUploads = () => Date.now() + UPLOAD_EXPIRES_SECONDS * 1000 + UPLOAD_GRACE_MS;

const s3 = () => new S3Client({ endpoint: s3f.s3.endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

async function createTask(extra: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const r = await gql(ada, `mutation($i: CreateTaskInput!) { createTask(input: $i) { id version } }`, { i: { projectId: P, title: 'T', ...extra } });
  expect(r.errors).toBeUndefined();
  return r.data!.createTask;
}

async function partition(pk: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, any> | undefined;
  do {
    const r = await db.client.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: pk } }, ConsistentRead: true, ExclusiveStartKey: start }));
    out.push(...(r.Items ?? []).map((i) => unmarshall(i)));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

/** A task with `n` of each child kind, written as the resolvers would (keys from model/keys.ts), and the attachments' objects. */
async function taskWithChildren(n: number): Promise<string> {
  const { id } = await createTask();
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const cid = `c${String(i).padStart(3, '0')}`;
    items.push({ ...commentKey(id, cid), entity: 'Comment', id: cid, version: 1 });
    items.push({ ...attachmentKey(id, `a${cid}`), entity: 'Attachment', id: `a${cid}`, projectId: P, taskId: id, version: 1 });
    items.push({ ...timeEntryKey(id, `t${cid}`), entity: 'TimeEntry', id: `t${cid}`, version: 1 });
    items.push({ ...taskActivityKey(id, `h${cid}`), entity: 'Activity', id: `h${cid}`, version: 1 });
  }
  for (let i = 0; i < items.length; i += 25) {
    await db.client.send(new BatchWriteItemCommand({ RequestItems: { [db.tableName]: items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: marshall(it) } })) } }));
  }
  const c = s3();
  for (let i = 0; i < n; i++) {
    const cid = `c${String(i).padStart(3, '0')}`;
    await c.send(new PutObjectCommand({ Bucket: BUCKET, Key: attachmentObjectKey(P, id, `a${cid}`), Body: 'x' }));
  }
  // An object with no item (an upload that raced the delete): the purge sweeps it too.
  await c.send(new PutObjectCommand({ Bucket: BUCKET, Key: attachmentObjectKey(P, id, 'orphan'), Body: 'x' }));
  c.destroy();
  return id;
}

async function objectsOf(taskId: string): Promise<number> {
  const c = s3();
  const r = await c.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `projects/${P}/tasks/${taskId}/` }));
  c.destroy();
  return (r.Contents ?? []).length;
}

async function deleteTask(id: string) {
  const r = await gql(ada, `mutation($id: ID!) { deleteTask(id: $id) { id deletedAt } }`, { id });
  expect(r.errors).toBeUndefined();
  expect(r.data!.deleteTask.id).toBe(id);
}

describe('workers purgeTask', () => {
  it('purges more than 25 children in batches, sweeps the objects, and removes the tombstone last; a re-run is a no-op', async () => {
    const id = await taskWithChildren(10); // 40 children + 10 objects + 1 orphan
    await deleteTask(id);
    const before = await partition(taskPk(id));
    expect(before.find((i) => i.SK === 'PURGE')).toMatchObject({ entity: 'TaskPurge', taskId: id, projectId: P });
    expect(before.length).toBe(1 + 40 + 1 + 1); // tombstone + children + the CREATED activity + ada watching

    // A pass before the upload URLs have expired keeps the tombstone (test/resolvers/attachments); this one is after.
    const r = await purgeTask(id, { now: afterUploads });
    expect(r).toMatchObject({ taskId: id, done: true, deleted: 42, objectsDeleted: 11 });
    expect(await partition(taskPk(id))).toEqual([]);
    expect(await objectsOf(id)).toBe(0);

    // At-least-once delivery: the same event again finds nothing to do.
    expect(await handler({ operation: 'purgeTask', taskId: id })).toEqual({ taskId: id, done: true, deleted: 0, objectsDeleted: 0 });
  });

  it('resumes after a partial run from the tombstone (resumePurges finds it by Query)', async () => {
    const id = await taskWithChildren(15); // 60 children + 1 activity + 1 watcher = 62 → 3 batches
    await deleteTask(id);
    const partial = await purgeTask(id, { maxBatches: 1, now: afterUploads });
    expect(partial).toMatchObject({ done: false, deleted: 25 });
    const left = await partition(taskPk(id));
    expect(left.length).toBe(1 + 62 - 25);
    expect(left.some((i) => i.SK === 'PURGE')).toBe(true);

    const resumed = await resumePurges(25, { now: afterUploads });
    expect(resumed).toEqual([expect.objectContaining({ taskId: id, done: true, deleted: 37 })]);
    expect(await partition(taskPk(id))).toEqual([]);
    expect(await objectsOf(id)).toBe(0);
    expect(await resumePurges(25, { now: afterUploads })).toEqual([]);
  });

  it('two purges at once delete everything once and both end done', async () => {
    const id = await taskWithChildren(12);
    await deleteTask(id);
    const [a, b] = await Promise.all([purgeTask(id, { now: afterUploads }), purgeTask(id, { now: afterUploads })]);
    expect(a!.done && b!.done).toBe(true);
    expect(await partition(taskPk(id))).toEqual([]);
    expect(await objectsOf(id)).toBe(0);
  });

  it('never touches a live task: no tombstone, nothing deleted', async () => {
    const { id } = await createTask();
    await gql(ada, `mutation($i: LogTimeInput!) { logTime(input: $i) { id } }`, { i: { taskId: id, minutes: 5, workDate: '2026-01-02' } });
    const before = await partition(taskPk(id));
    expect(await handler({ operation: 'purgeTask', taskId: id })).toEqual({ taskId: id, done: true, deleted: 0, objectsDeleted: 0 });
    expect(await partition(taskPk(id))).toEqual(before);
  });
});

describe('workers carryOverSprint', () => {
  async function sprintWithTasks(n: number, done: number) {
    const sprint = (await gql(ada, `mutation($i: CreateSprintInput!) { createSprint(input: $i) { id } }`, { i: { projectId: P, name: `S${n}` } })).data!.createSprint;
    const next = (await gql(ada, `mutation($i: CreateSprintInput!) { createSprint(input: $i) { id } }`, { i: { projectId: P, name: `N${n}` } })).data!.createSprint;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await createTask({ sprintId: sprint.id })).id);
    for (const id of ids.slice(0, done)) {
      const m = await gql(ada, `mutation($i: MoveTaskInput!) { moveTask(input: $i) { id } }`, { i: { id, status: 'DONE' } });
      expect(m.errors).toBeUndefined();
    }
    expect((await gql(ada, `mutation($id: ID!) { startSprint(id: $id) { state } }`, { id: sprint.id })).errors).toBeUndefined();
    return { sprint: sprint.id as string, next: next.id as string, ids };
  }

  async function sprintItem(id: string) {
    const r = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: marshall(sprintKey(id)), ConsistentRead: true }));
    return unmarshall(r.Item!);
  }

  async function index(pk: string): Promise<string[]> {
    const r = await db.client.send(new QueryCommand({ TableName: db.tableName, IndexName: INDEX.bySprint.name, KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': { S: pk } } }));
    return (r.Items ?? []).map((i) => unmarshall(i).id as string).sort();
  }

  it('moves 60 unfinished tasks to the next sprint; two runs at once give one move and one activity per task', async () => {
    const { sprint, next, ids } = await sprintWithTasks(62, 2);
    const done = ids.slice(0, 2);
    const open = ids.slice(2);
    const c = await gql(ada, `mutation($i: CompleteSprintInput!) { completeSprint(input: $i) { id state carryOverDone carriedOverTo } }`, { i: { id: sprint, carryOverTo: next } });
    expect(c.errors).toBeUndefined();
    // Too many to move inline: the sprint says so until the worker is done.
    expect(c.data!.completeSprint).toEqual({ id: sprint, state: 'COMPLETED', carryOverDone: false, carriedOverTo: next });

    const [a, b] = (await Promise.all([
      handler({ operation: 'carryOverSprint', sprintId: sprint }),
      handler({ operation: 'carryOverSprint', sprintId: sprint }),
    ])) as { done: boolean; moved: { id: string }[]; published: { skipped: boolean } }[];
    expect(a!.done && b!.done).toBe(true);
    expect(a!.published.skipped).toBe(true); // no APPSYNC_URL in tests
    const movedIds = [...a!.moved, ...b!.moved].map((m) => m.id).sort();
    expect(movedIds).toEqual([...open].sort()); // each task moved by exactly one of the runs

    expect(await index(sprintPk(next))).toEqual([...open].sort());
    expect(await index(sprintPk(sprint))).toEqual([...done].sort());
    expect((await sprintItem(sprint)).carryOverDone).toBe(true);

    for (const id of open) {
      const task = unmarshall((await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: marshall({ PK: taskPk(id), SK: 'TASK' }), ConsistentRead: true }))).Item!);
      expect(task).toMatchObject({ sprintId: next, version: 2, GSI3PK: sprintPk(next) });
      expect(task.GSI3SK).toBe(`TODO#${task.rank}`);
      const moves = (await partition(taskPk(id))).filter((i) => i.entity === 'Activity' && i.action === 'UPDATED');
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({ actorId: 'system', entityType: 'TASK', changes: [{ field: 'sprintId', before: JSON.stringify(sprint), after: JSON.stringify(next) }] });
    }
    // The sprint's own history says when the carry-over finished — once.
    const sprintHistory = (await partition(`PROJECT#${P}`)).filter((i) => i.entity === 'Activity' && i.entityId === sprint && i.action === 'UPDATED');
    expect(sprintHistory).toHaveLength(1);

    // A third run, later: nothing to do, nothing written.
    expect(await handler({ operation: 'carryOverSprint', sprintId: sprint })).toMatchObject({ done: true, skipped: 'ALREADY_DONE', moved: [] });
  });

  it('moves to the backlog when no sprint is named; completeSprint after the carry-over finished is a conflict', async () => {
    const { sprint, ids } = await sprintWithTasks(30, 0);
    const c = await gql(ada, `mutation($i: CompleteSprintInput!) { completeSprint(input: $i) { id carryOverDone } }`, { i: { id: sprint } });
    expect(c.data!.completeSprint.carryOverDone).toBe(false);
    const run = (await handler({ operation: 'carryOverSprint', sprintId: sprint }, { getRemainingTimeInMillis: () => 60_000 })) as { done: boolean };
    expect(run.done).toBe(true);
    expect(await index(backlogPk(P))).toEqual(expect.arrayContaining(ids));
    for (const id of ids) {
      const task = unmarshall((await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: marshall({ PK: taskPk(id), SK: 'TASK' }), ConsistentRead: true }))).Item!);
      expect(task.sprintId).toBeUndefined();
      expect(task.GSI3SK).toBe(task.rank);
    }
    // completeSprint again on the COMPLETED sprint: with carryOverDone true it is a conflict (nothing to resume).
    const again = await gql(ada, `mutation($i: CompleteSprintInput!) { completeSprint(input: $i) { id } }`, { i: { id: sprint } });
    expect(again.errors![0]!.errorType).toBe('ConflictError');
  });

  it('a run stopped by its deadline leaves carryOverDone false; completeSprint re-triggers and a later run finishes', async () => {
    const { sprint, next, ids } = await sprintWithTasks(27, 0);
    await gql(ada, `mutation($i: CompleteSprintInput!) { completeSprint(input: $i) { id } }`, { i: { id: sprint, carryOverTo: next } });
    let budget = 3;
    const stopped = (await handler({ operation: 'carryOverSprint', sprintId: sprint }, { getRemainingTimeInMillis: () => (budget-- > 0 ? 60_000 : 0) })) as { done: boolean; moved: unknown[] };
    expect(stopped.done).toBe(false);
    expect(stopped.moved.length).toBeGreaterThan(0);
    expect(stopped.moved.length).toBeLessThan(ids.length);
    expect((await sprintItem(sprint)).carryOverDone).toBe(false);

    // The user (or a retry) calls completeSprint again: it answers with the sprint and re-starts the worker.
    const resumed = await gql(ada, `mutation($i: CompleteSprintInput!) { completeSprint(input: $i) { id state carryOverDone } }`, { i: { id: sprint } });
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data!.completeSprint).toEqual({ id: sprint, state: 'COMPLETED', carryOverDone: false });
    const elsewhere = await gql(ada, `mutation($i: CompleteSprintInput!) { completeSprint(input: $i) { id } }`, { i: { id: sprint, carryOverTo: 'another' } });
    expect(elsewhere.errors![0]!.errorType).toBe('ValidationError');

    const finished = (await handler({ operation: 'carryOverSprint', sprintId: sprint })) as { done: boolean; moved: unknown[] };
    expect(finished.done).toBe(true);
    expect(stopped.moved.length + finished.moved.length).toBe(ids.length);
    expect(await index(sprintPk(next))).toEqual([...ids].sort());
    expect((await sprintItem(sprint)).carryOverDone).toBe(true);
  });
});
