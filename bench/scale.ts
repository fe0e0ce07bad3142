/**
 * Flat with size (README "Benchmarks": the speed and scale targets): the board column, backlog and my-tasks queries keep
 * their p50 within 1.5× as the table grows from 1,000 to 100,000 items (no scans).
 *
 * One local runtime in this process (DynamoDB Local in memory, cognito-local, the app over TLS on a
 * random loopback port; the table's stream is not delivered here: 100,000 inserted records would keep
 * the stream function busy during the measurement, and no list read depends on what it maintains).
 * A project is created through the API by ada (Admin) and max is added as a MEMBER. Then:
 *   1. 1,000 tasks are written straight into DynamoDB Local (BatchWriteItem, keys from model/keys.ts,
 *      the item shape createTask stores): all in the backlog, statuses spread over the four columns,
 *      80 % assigned to max;
 *   2. the three queries the client sends (client/src/ops.ts, with the client's page sizes) run as max,
 *      sequentially, interleaved, with `task(id)` (one GetItem, independent of size) as a drift check;
 *   3. 99,000 more tasks of the same shape go into the same project (parallel batches), so the table
 *      and every partition the queries read grow 100×;
 *   4. the same queries, same token, measured again.
 * The ratio p50(100,000) / p50(1,000) per query is the figure (flat ≈ 1.0; a Scan or a Query that
 * filters a partition grows with the items it reads). The task(id) ratio shows how much the machine
 * itself drifted between the two phases.
 *
 *   npm run bench -- scale            (npx tsx bench/scale.ts [--scale-items 100000] [--scale-parallel 8])
 */
import { pathToFileURL } from 'node:url';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { demoToken, startThrowawayRuntime } from '../local/start.ts';
import { lambdas } from '../functions/manifest.ts';
import { createLocalDynamoDbClient } from '../packages/appsync-local/src/services/dynamodb-local.ts';
import { LOCAL_TABLE_NAME } from '../model/table.ts';
import { BACKLOG, TASK, TASKS_BY_ASSIGNEE, TASKS_BY_STATUS } from '../client/src/ops.ts';
import {
  batchWriteAll, deadline, withOneRetry, describeMachine, fmtMs, fmtRatio, graphqlClient, measureInterleaved, subOf, writeResult,
  type PartResult, type Probe,
} from './lib/kit.ts';
import { generateTasks, mapIter, STATUSES, taskItem, type TaskPlan } from './lib/tasks.ts';

const TIME_LIMIT_MS = 900_000;
const TARGET = 1.5;
const SMALL = 1_000;
const ADMIN = 'ada@taskwire.local';
const MEMBER = 'max@taskwire.local';
/** The client's page sizes: Board.vue's first page of a column, Backlog.vue's, MyTasks (limit in the query). */
const COLUMN_LIMIT = 30;
const BACKLOG_LIMIT = 50;
const MINE_PAGE = 50;
/** The first phase warms the runtime up (JIT, resolver workers) for longer: it runs on a cold process. */
const MEASURE = { warmup: 20, rounds: 8, perRound: 10 };
const FIRST_WARMUP = 60;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

export async function runScaleBench(): Promise<PartResult> {
  const large = arg('scale-items', 100_000);
  const parallel = arg('scale-parallel', 8);
  if (!Number.isInteger(large) || large <= SMALL) throw new Error(`--scale-items must be an integer above ${SMALL}`);
  const stopDeadline = deadline('scale', TIME_LIMIT_MS);
  const started = performance.now();
  console.log(`scale: starting the local runtime (stream delivery off for this run)…   [${describeMachine()}]`);
  const runtime = await withOneRetry('starting the runtime', () =>
    startThrowawayRuntime({ functions: { ...lambdas, stream: { ...lambdas.stream, stream: undefined } } }),
  );
  const ddb = createLocalDynamoDbClient(runtime.urls.dynamodb);
  const gql = graphqlClient(runtime.urls.graphql, runtime.caCertPem);
  try {
    const adminToken = await demoToken(runtime, ADMIN);
    const memberToken = await demoToken(runtime, MEMBER);
    const adminId = subOf(adminToken);
    const memberId = subOf(memberToken);
    const project = (await gql.call(adminToken, 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id key } }', {
      input: { key: 'SCALE', name: 'Scale benchmark' },
    })).createProject as { id: string; key: string };
    await gql.call(adminToken, 'mutation($input: AddMemberInput!) { addMember(input: $input) { userId } }', {
      input: { projectId: project.id, email: MEMBER, role: 'MEMBER' },
    });

    const shape: TaskPlan['shape'] = (_i, random) => {
      const status = STATUSES[Math.floor(random() * 4)]!;
      const who = random();
      const due = random();
      return {
        status,
        assigneeId: who < 0.8 ? memberId : who < 0.9 ? adminId : null,
        dueAt: due < 0.5 ? new Date(Date.now() + Math.floor(due * 60) * 86_400_000).toISOString() : null,
        estimatePoints: [1, 2, 3, 5, 8, null][Math.floor(random() * 6)]!,
        doneAt: status === 'DONE' ? new Date().toISOString() : null,
        timeSpentMinutes: Math.floor(random() * 120),
      };
    };
    const last = { rank: null as string | null };
    const load = async (count: number, firstNumber: number, seed: number) => {
      const t0 = performance.now();
      const plan: TaskPlan = { projectId: project.id, projectKey: project.key, reporterId: adminId, firstNumber, count, afterRank: last.rank, shape, seed };
      const written = await batchWriteAll(ddb, LOCAL_TABLE_NAME, mapIter(generateTasks(plan, last), taskItem), {
        parallel,
        onProgress: (n) => console.log(`  … ${n.toLocaleString('en')} written (${((n / (performance.now() - t0)) * 1000).toFixed(0)} items/s)`),
      });
      const seconds = (performance.now() - t0) / 1000;
      return { written, seconds, perSecond: written / seconds };
    };

    const firstTask = { id: '' };
    const probes: Probe[] = [
      {
        name: `board column (tasksByStatus TODO, first ${COLUMN_LIMIT})`,
        async once() {
          const d = await gql.call(memberToken, TASKS_BY_STATUS, { p: project.id, s: 'TODO', sprint: null, limit: COLUMN_LIMIT, next: null });
          if (d.tasksByStatus.items.length !== COLUMN_LIMIT) throw new Error(`board column: ${d.tasksByStatus.items.length} items`);
        },
      },
      {
        name: `backlog (first ${BACKLOG_LIMIT})`,
        async once() {
          const d = await gql.call(memberToken, BACKLOG, { p: project.id, limit: BACKLOG_LIMIT, next: null });
          if (d.backlog.items.length !== BACKLOG_LIMIT) throw new Error(`backlog: ${d.backlog.items.length} items`);
        },
      },
      {
        name: `my tasks (tasksByAssignee, own, first ${MINE_PAGE})`,
        async once() {
          const d = await gql.call(memberToken, TASKS_BY_ASSIGNEE, { a: memberId, next: null });
          if (d.tasksByAssignee.items.length !== MINE_PAGE) throw new Error(`my tasks: ${d.tasksByAssignee.items.length} items`);
        },
      },
      {
        name: 'reference: task(id) (one GetItem + membership)',
        async once() {
          const d = await gql.call(memberToken, TASK, { id: firstTask.id });
          if (d.task?.id !== firstTask.id) throw new Error('task(id): wrong answer');
        },
      },
    ];

    console.log(`scale: writing ${SMALL.toLocaleString('en')} tasks into project ${project.key} (BatchWriteItem, ${parallel} in flight)…`);
    const smallLoad = await load(SMALL, 1, 1);
    const anyTask = (await gql.call(memberToken, BACKLOG, { p: project.id, limit: 1, next: null })).backlog.items[0] as { id: string };
    firstTask.id = anyTask.id;
    const itemsSmall = (await ddb.send(new DescribeTableCommand({ TableName: LOCAL_TABLE_NAME }))).Table?.ItemCount ?? NaN;
    console.log(`scale: measuring at ${SMALL.toLocaleString('en')} tasks (${itemsSmall} items in the table)…`);
    const atSmall = await measureInterleaved(probes, { ...MEASURE, warmup: FIRST_WARMUP });

    const more = large - SMALL;
    console.log(`scale: writing ${more.toLocaleString('en')} more tasks into the same project (BatchWriteItem, ${parallel} in flight)…`);
    const bigLoad = await load(more, SMALL + 1, 2);
    console.log(`  ${bigLoad.written.toLocaleString('en')} tasks in ${bigLoad.seconds.toFixed(1)} s (${bigLoad.perSecond.toFixed(0)} items/s)`);
    const itemsLarge = (await ddb.send(new DescribeTableCommand({ TableName: LOCAL_TABLE_NAME }))).Table?.ItemCount ?? NaN;
    console.log(`scale: measuring at ${large.toLocaleString('en')} tasks (${itemsLarge} items in the table)…`);
    const atLarge = await measureInterleaved(probes, MEASURE);

    const reference = atLarge[3]!.p50 / atSmall[3]!.p50;
    const rows = atSmall.slice(0, 3).map((s, i) => {
      const l = atLarge[i]!;
      const ratio = l.p50 / s.p50;
      return { query: s.name, small: s, large: l, ratio, met: ratio <= TARGET };
    });
    const wallSeconds = (performance.now() - started) / 1000;

    const col = (s: string, n: number) => s.padEnd(n);
    console.log(`\nscale: p50 of the client's queries as max (MEMBER), sequential, interleaved (${MEASURE.rounds}×${MEASURE.perRound} samples each after a warm-up of ${FIRST_WARMUP} requests each at the first size, ${MEASURE.warmup} at the second)`);
    console.log(`  ${col('query', 52)} ${col(`${SMALL.toLocaleString('en')} tasks`, 14)} ${col(`${large.toLocaleString('en')} tasks`, 14)} ratio`);
    for (const r of rows) {
      console.log(`  ${col(r.query, 52)} ${col(fmtMs(r.small.p50), 14)} ${col(fmtMs(r.large.p50), 14)} ${col(fmtRatio(r.ratio), 7)} target ≤ ${TARGET}×: ${r.met ? 'met' : 'NOT met'}`);
    }
    console.log(`  ${col(atSmall[3]!.name, 52)} ${col(fmtMs(atSmall[3]!.p50), 14)} ${col(fmtMs(atLarge[3]!.p50), 14)} ${fmtRatio(reference)}   (no size in it: how much the machine and the runtime's warm-up moved between the phases)`);
    console.log(`  load: ${SMALL.toLocaleString('en')} tasks in ${smallLoad.seconds.toFixed(1)} s; ${bigLoad.written.toLocaleString('en')} in ${bigLoad.seconds.toFixed(1)} s (${bigLoad.perSecond.toFixed(0)} items/s, ${parallel} batches in flight); whole part ${wallSeconds.toFixed(0)} s`);
    const file = writeResult('scale', {
      small: SMALL, large, parallel, measure: MEASURE, itemsInTable: { small: itemsSmall, large: itemsLarge },
      load: { small: smallLoad, large: bigLoad }, atSmall, atLarge, referenceRatio: reference,
      rows: rows.map((r) => ({ query: r.query, p50Small: r.small.p50, p50Large: r.large.p50, ratio: r.ratio, met: r.met })),
      wallSeconds,
    });
    console.log(`  JSON: ${file}`);
    const ok = rows.every((r) => r.met);
    const short = (name: string) => name.split(' (')[0]!;
    return {
      ok,
      rows: rows.map((r) => ({
        benchmark: `${short(r.query)} p50, ${SMALL.toLocaleString('en')} → ${large.toLocaleString('en')} tasks`,
        measured: `${fmtMs(r.small.p50)} → ${fmtMs(r.large.p50)} = ${fmtRatio(r.ratio)}`,
        target: `≤ ${TARGET}×`,
        met: r.met,
      })),
    };
  } finally {
    gql.close();
    ddb.destroy();
    await runtime.stop();
    stopDeadline();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runScaleBench();
  if (!r.ok) process.exitCode = 1;
}
