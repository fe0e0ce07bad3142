/**
 * Report aggregates against a brute-force recomputation: a generated sprint of 2,000 tasks (and a
 * second sprint, the backlog, archived and deleted tasks, moves between sprints and statuses) is
 * written to DynamoDB Local, its real stream is read with the DynamoDB Streams client and handed to
 * the stream handler's aggregate step (applyAggregatesBatch) in Lambda-shaped batches of 100; then sprintReport/projectReport
 * figures read from the aggregates must equal the same maths over (a) the tasks as the test knows
 * them and (b) Queries of the sprint's and board's partitions. Delivering the whole stream again
 * (at-least-once) changes nothing.
 */
import { BatchWriteItemCommand, DeleteItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectKey, sprintKey, taskIndexKeys, taskKey, type TaskStatusKey } from '../../../model/keys.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../packages/appsync-local/src/services/dynamodb-local.ts';
import { applyAggregates, applyAggregatesBatch } from '../../../functions/stream/aggregates.ts';
import { changeOf, type StreamRecord } from '../../../functions/stream/records.ts';
import * as maths from '../../../functions/reports/maths.ts';
import * as source from '../../../functions/reports/source.ts';
import { dailyFromItem } from '../../../functions/reports/aggregate.ts';
import { resetClients } from '../../../functions/lib/clients.ts';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { readWholeStream } from '../../support/streams.ts';
import { START_TIMEOUT_MS } from '../../support/timeouts.ts';

const db = useDynamoDbTable();

const PROJECT = '01JPROJECT0000000000000000';
const SPRINT = '01JSPRINTA0000000000000000';
const SPRINT2 = '01JSPRINTB0000000000000000';
const USERS = ['u-ada', 'u-max', 'u-vera', 'u-otto', 'u-lin'];
const STATUSES: TaskStatusKey[] = ['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'];
const DAY = 86_400_000;
const now = new Date();

// A deterministic generator (the same sprint every run).
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

interface GenTask extends maths.TaskFact {
  id: string;
  projectId: string;
  sprintId: string | null;
  rank: string;
  entity: 'Task';
  version: number;
}

const tasks = new Map<string, GenTask>();
let records: StreamRecord[] = [];

function taskItem(t: GenTask): Record<string, unknown> {
  const index = taskIndexKeys({ ...t, assigneeId: t.assigneeId ?? null });
  const item: Record<string, unknown> = { ...taskKey(t.id), ...t };
  for (const [k, v] of Object.entries(index)) if (v !== null) item[k] = v;
  for (const k of Object.keys(item)) if (item[k] === null || item[k] === undefined) delete item[k];
  return item;
}

function generate(i: number, sprintId: string | null): GenTask {
  const status = pick(STATUSES);
  const doneDay = Math.floor(rand() * 6);
  const dueRoll = rand();
  return {
    id: `T${String(i).padStart(25, '0')}`,
    entity: 'Task',
    projectId: PROJECT,
    sprintId,
    rank: `r${String(i).padStart(6, '0')}`,
    status,
    estimatePoints: rand() < 0.15 ? null : pick([1, 2, 3, 5, 8, 13]),
    assigneeId: rand() < 0.2 ? null : pick(USERS),
    dueAt: dueRoll < 0.3 ? null : new Date(now.getTime() + (dueRoll < 0.6 ? -1 : 1) * Math.floor(rand() * 10 * DAY)).toISOString(),
    timeSpentMinutes: Math.floor(rand() * 300),
    doneAt: status === 'DONE' ? new Date(now.getTime() - doneDay * DAY).toISOString() : null,
    updatedAt: now.toISOString(),
    archived: rand() < 0.03,
    version: 1,
  };
}

async function batchWrite(items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending: unknown = { [db.tableName]: items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: marshall(it, { removeUndefinedValues: true }) } })) };
    for (let attempt = 0; pending && Object.keys(pending as object).length; attempt++) {
      const r = await db.client.send(new BatchWriteItemCommand({ RequestItems: pending as never }));
      pending = r.UnprocessedItems && Object.keys(r.UnprocessedItems).length ? r.UnprocessedItems : null;
    }
  }
}

/** Batches of 100 as Lambda delivers them, through the stream handler's aggregate step. */
async function deliver(all: StreamRecord[]): Promise<number> {
  let applied = 0;
  for (let i = 0; i < all.length; i += 100) applied += await applyAggregatesBatch(all.slice(i, i + 100).map(changeOf));
  return applied;
}

/** The brute force: the maths over the tasks as the test made them. */
function expectedTally(filter: (t: GenTask) => boolean): maths.Tally {
  return maths.tallyOf([...tasks.values()].filter(filter));
}

beforeAll(async () => {
  resetClients();
  Object.assign(process.env, {
    TABLE_NAME: db.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  });
  const sprintItem = (id: string, name: string, state: string) => ({
    ...sprintKey(id),
    entity: 'Sprint',
    id,
    projectId: PROJECT,
    name,
    state,
    startsAt: new Date(now.getTime() - 5 * DAY).toISOString(),
    endsAt: new Date(now.getTime() + 5 * DAY).toISOString(),
    version: 1,
  });
  await batchWrite([
    { ...projectKey(PROJECT), entity: 'Project', id: PROJECT, key: 'AGG', name: 'Aggregates', archived: false, version: 1 },
    sprintItem(SPRINT, 'Big sprint', 'ACTIVE'),
    sprintItem(SPRINT2, 'Next sprint', 'PLANNED'),
  ]);
  const made: GenTask[] = [];
  for (let i = 0; i < 2000; i++) made.push(generate(i, SPRINT));
  for (let i = 2000; i < 2200; i++) made.push(generate(i, i < 2100 ? SPRINT2 : null));
  for (const t of made) tasks.set(t.id, t);
  await batchWrite(made.map(taskItem));
}, 120_000);

describe('report aggregates from the stream', () => {
  it('change as the table changes: moves between statuses and sprints, points, archive, delete', async () => {
    const ids = [...tasks.keys()];
    const changed: GenTask[] = [];
    for (let i = 0; i < 400; i++) {
      const t = tasks.get(pick(ids))!;
      const roll = rand();
      const next: GenTask = { ...t, version: t.version + 1, updatedAt: new Date().toISOString() };
      if (roll < 0.4) {
        next.status = pick(STATUSES);
        next.doneAt = next.status === 'DONE' ? (t.status === 'DONE' ? t.doneAt : new Date().toISOString()) : null;
      } else if (roll < 0.6) next.sprintId = pick([SPRINT, SPRINT2, null]);
      else if (roll < 0.75) next.estimatePoints = pick([0, 1, 3, 20, null]);
      else if (roll < 0.85) next.assigneeId = pick([...USERS, null]);
      else if (roll < 0.9) next.archived = !t.archived;
      else next.timeSpentMinutes = (t.timeSpentMinutes ?? 0) + 45;
      tasks.set(t.id, next);
      changed.push(next);
    }
    // One write per change, as resolvers make them (PutItem of the whole item here).
    for (const t of changed) {
      await db.client.send(new UpdateItemCommand({
        TableName: db.tableName,
        Key: marshall(taskKey(t.id)),
        UpdateExpression: 'SET #v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: marshall({ ':v': -1 }),
      }));
      await batchWrite([taskItem(t)]);
    }
    for (const id of ids.slice(0, 30)) {
      await db.client.send(new DeleteItemCommand({ TableName: db.tableName, Key: marshall(taskKey(id)) }));
      tasks.delete(id);
    }

    records = await readWholeStream(db.client, db.endpoint, db.tableName);
    expect(records.length).toBeGreaterThan(2200 + 800 + 30);
    const applied = await deliver(records);
    // Task records only (project and sprint items count nothing); a no-op write (the version poke) is skipped.
    expect(applied).toBeGreaterThan(2000);

    const bySprint = await source.sprintTally(SPRINT);
    expect(bySprint).toEqual(expectedTally((t) => t.sprintId === SPRINT));
    expect(await source.sprintTally(SPRINT2)).toEqual(expectedTally((t) => t.sprintId === SPRINT2));
    expect(await source.boardTally(PROJECT)).toEqual(expectedTally(() => true));
  }, 300_000);

  it('give the reports the figures a recomputation over the partitions gives', async () => {
    const sprint = (await source.sprint(SPRINT))!;
    const names = new Map<string, string | null>();
    const fromAggregates = maths.sprintReport({ sprint, tally: await source.sprintTally(SPRINT), displayNames: names, now });
    const fromPartition = maths.sprintReport({ sprint, tally: await source.sprintPartitionTally(SPRINT), displayNames: names, now });
    expect(fromAggregates).toEqual(fromPartition);
    expect(fromAggregates.statusBreakdown.reduce((n, s) => n + s.tasks, 0)).toBeGreaterThan(1800);
    expect(fromAggregates.overdueTasks).toBeGreaterThan(100);
    expect(fromAggregates.workload).toHaveLength(USERS.length);
    expect(fromAggregates.burndown.length).toBe(6);

    const project = (p: maths.Tally) => maths.projectReport({ projectId: PROJECT, completedSprints: [], tally: p, displayNames: names, now });
    expect(project(await source.boardTally(PROJECT))).toEqual(project(await source.boardPartitionTally(PROJECT)));
  });

  it('keep the per-day scope and done figures: the scope changes add up to the sprint as it is', async () => {
    const item = (await db.client.send(new (await import('@aws-sdk/client-dynamodb')).GetItemCommand({ TableName: db.tableName, Key: marshall({ PK: `SPRINT#${SPRINT}`, SK: 'REPORT' }) }))).Item;
    const { unmarshall } = await import('@aws-sdk/util-dynamodb');
    const days = dailyFromItem(unmarshall(item!));
    const tally = expectedTally((t) => t.sprintId === SPRINT);
    expect(days.reduce((n, d) => n + d.scopePoints, 0)).toBe(tally.points);
    expect(days.reduce((n, d) => n + d.scopeTasks, 0)).toBe(tally.tasks);
    expect(days.reduce((n, d) => n + d.donePoints, 0)).toBe(tally.byStatus.DONE.points);
    expect(days.reduce((n, d) => n + d.doneTasks, 0)).toBe(tally.byStatus.DONE.tasks);
  });

  it('count each record once when the whole stream is delivered again', async () => {
    const before = await source.sprintTally(SPRINT);
    expect(await deliver(records)).toBe(0);
    expect(await source.sprintTally(SPRINT)).toEqual(before);
    expect(await source.boardTally(PROJECT)).toEqual(expectedTally(() => true));
    // One record at a time (the fallback path) refuses them too.
    for (const r of records.slice(0, 50)) expect(await applyAggregates(changeOf(r))).toBe(false);
  }, 300_000);
}, START_TIMEOUT_MS);
