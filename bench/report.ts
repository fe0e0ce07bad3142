/**
 * Sprint report at 200 and at 2,000 tasks (README "Benchmarks": within 1.5× of each other;
 * the reports read aggregates the table's stream keeps, docs/events.md, so their cost does not grow
 * with the sprint).
 *
 * One local runtime in this process, as `npm start` runs it (the table's stream delivered to the real
 * stream function). Through the API, as ada (Admin): two projects, each with max and vera as MEMBERs
 * and one sprint (started). Then 200 tasks go into the first sprint and 2,000 into the second, written
 * straight into DynamoDB Local (BatchWriteItem, keys from model/keys.ts, the shape createTask stores):
 * the aggregates (SPRINT#<id>/REPORT, PROJECT#<id>/REPORT) are NOT written here — the runtime's stream
 * poller hands the inserts to functions/stream, which builds them, and the benchmark waits until the
 * sprint reports count every task. Before measuring, each report the API answers is compared with the
 * report maths (functions/reports/maths.ts) over the generated tasks (brute force): a wrong figure fails
 * the run. Assigned tasks get no due date, so no reminder schedules fire during the measurement.
 *
 * Measured as max (MEMBER), sequential, interleaved: the client's sprintReport and projectReport
 * queries (client/src/ops.ts) for 200 and 2,000 tasks. As a reference, what the aggregates save: the
 * same sprint recomputed by reading its whole bySprint partition with the SDK (all pages).
 *
 *   npm run bench -- report           (npx tsx bench/report.ts [--report-small 200] [--report-large 2000])
 */
import { pathToFileURL } from 'node:url';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { demoToken, startThrowawayRuntime } from '../local/start.ts';
import { createLocalDynamoDbClient } from '../packages/appsync-local/src/services/dynamodb-local.ts';
import { LOCAL_TABLE_NAME, INDEX } from '../model/table.ts';
import { sprintPk } from '../model/keys.ts';
import * as maths from '../functions/reports/maths.ts';
import { PROJECT_REPORT, SPRINT, SPRINT_REPORT } from '../client/src/ops.ts';
import {
  batchWriteAll, deadline, withOneRetry, describeMachine, fmtMs, fmtRatio, graphqlClient, measureInterleaved, subOf, writeResult,
  type PartResult, type Probe,
} from './lib/kit.ts';
import { generateTasks, STATUSES, taskItem, type GeneratedTask, type TaskPlan } from './lib/tasks.ts';

const TIME_LIMIT_MS = 600_000;
/** How long the stream function may take to count every generated task. */
const STREAM_WAIT_MS = 300_000;
const TARGET = 1.5;
const ADMIN = 'ada@taskwire.local';
const MEMBERS = ['max@taskwire.local', 'vera@taskwire.local'];
const DAY = 86_400_000;
const MEASURE = { warmup: 15, rounds: 8, perRound: 10 };
const REFERENCE_MEASURE = { warmup: 3, rounds: 4, perRound: 5 };

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

const sleep = (ms: number) => new Promise((f) => setTimeout(f, ms));

interface Setup {
  size: number;
  projectId: string;
  sprintId: string;
  tasks: GeneratedTask[];
}

/** The figures of a report that the brute force must reproduce (generatedAt and names aside). */
function comparable(r: any) {
  return {
    committedPoints: r.committedPoints,
    completedPoints: r.completedPoints,
    overdueTasks: r.overdueTasks,
    statusBreakdown: r.statusBreakdown.map((s: any) => ({ status: s.status, tasks: s.tasks, points: s.points })),
    workload: [...r.workload]
      .map((w: any) => ({ userId: w.userId, openTasks: w.openTasks, openPoints: w.openPoints, donePoints: w.donePoints, timeSpentMinutes: w.timeSpentMinutes }))
      .sort((a, b) => a.userId.localeCompare(b.userId)),
    burndown: r.burndown?.map((b: any) => ({ date: b.date, remainingPoints: b.remainingPoints, idealPoints: Number(b.idealPoints.toFixed(6)) })),
  };
}

export async function runReportBench(): Promise<PartResult> {
  const sizes = [arg('report-small', 200), arg('report-large', 2_000)] as const;
  const stopDeadline = deadline('report', TIME_LIMIT_MS);
  const started = performance.now();
  console.log(`report: starting the local runtime (with the table's stream to functions/stream)…   [${describeMachine()}]`);
  const runtime = await withOneRetry('starting the runtime', () => startThrowawayRuntime());
  const ddb = createLocalDynamoDbClient(runtime.urls.dynamodb);
  const gql = graphqlClient(runtime.urls.graphql, runtime.caCertPem);
  try {
    const adminToken = await demoToken(runtime, ADMIN);
    const memberTokens = await Promise.all(MEMBERS.map((m) => demoToken(runtime, m)));
    const adminId = subOf(adminToken);
    const people = [adminId, ...memberTokens.map(subOf)];
    const reader = memberTokens[0]!;

    const setups: Setup[] = [];
    for (const size of sizes) {
      const project = (await gql.call(adminToken, 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id key } }', {
        input: { key: `REP${size}`.slice(0, 10), name: `Report benchmark, ${size} tasks` },
      })).createProject as { id: string; key: string };
      for (const email of MEMBERS) {
        await gql.call(adminToken, 'mutation($input: AddMemberInput!) { addMember(input: $input) { userId } }', { input: { projectId: project.id, email, role: 'MEMBER' } });
      }
      const now = Date.now();
      const sprint = (await gql.call(adminToken, 'mutation($input: CreateSprintInput!) { createSprint(input: $input) { id } }', {
        input: { projectId: project.id, name: `Sprint of ${size}`, startsAt: new Date(now - 5 * DAY).toISOString(), endsAt: new Date(now + 5 * DAY).toISOString() },
      })).createSprint as { id: string };
      await gql.call(adminToken, 'mutation($id: ID!) { startSprint(id: $id) { id state } }', { id: sprint.id });
      const shape: TaskPlan['shape'] = (_i, random) => {
        const status = STATUSES[Math.floor(random() * 4)]!;
        const who = Math.floor(random() * (people.length + 1));
        const assigneeId = who < people.length ? people[who]! : null;
        const due = random();
        return {
          status,
          assigneeId,
          // Only unassigned tasks carry a due date: no reminder schedules (and their emails) while measuring.
          dueAt: assigneeId === null && due < 0.7 ? new Date(now + (due < 0.35 ? -1 : 1) * Math.ceil(random() * 4) * DAY).toISOString() : null,
          estimatePoints: [1, 2, 3, 5, 8, 13, null][Math.floor(random() * 7)]!,
          doneAt: status === 'DONE' ? new Date(now - Math.floor(random() * 5) * DAY).toISOString() : null,
          timeSpentMinutes: Math.floor(random() * 300),
        };
      };
      const tasks = [...generateTasks({ projectId: project.id, projectKey: project.key, reporterId: adminId, firstNumber: 1, count: size, afterRank: null, sprintId: sprint.id, shape, seed: size })];
      setups.push({ size, projectId: project.id, sprintId: sprint.id, tasks });
    }

    console.log(`report: writing ${sizes.join(' and ')} tasks into the two sprints (BatchWriteItem); the stream function builds the aggregates…`);
    const t0 = performance.now();
    await batchWriteAll(ddb, LOCAL_TABLE_NAME, setups.flatMap((s) => s.tasks.map(taskItem)), { parallel: 4 });
    const writeSeconds = (performance.now() - t0) / 1000;
    // Wait (bounded) until the stream function has counted every task in both sprints' aggregates.
    const counted = async (s: Setup) => {
      const r = (await gql.call(reader, SPRINT_REPORT, { id: s.sprintId })).sprintReport;
      return (r.statusBreakdown as { tasks: number }[]).reduce((n, x) => n + x.tasks, 0);
    };
    const waitUntil = performance.now() + STREAM_WAIT_MS;
    for (;;) {
      const counts = await Promise.all(setups.map(counted));
      if (counts.every((c, i) => c === setups[i]!.size)) break;
      if (performance.now() > waitUntil) throw new Error(`the stream function counted ${counts.join(', ')} of ${sizes.join(', ')} tasks after ${STREAM_WAIT_MS / 1000} s`);
      await sleep(500);
    }
    const streamSeconds = (performance.now() - t0) / 1000;
    console.log(`  written in ${writeSeconds.toFixed(1)} s; every task counted by the stream function ${streamSeconds.toFixed(1)} s after the first write`);

    // Brute force: the report maths over the tasks as generated must give what the API answers.
    const checks: { size: number; report: string; equal: boolean }[] = [];
    for (const s of setups) {
      const [api, sprint, project] = await Promise.all([
        gql.call(reader, SPRINT_REPORT, { id: s.sprintId }).then((d) => d.sprintReport),
        gql.call(reader, SPRINT, { id: s.sprintId }).then((d) => d.sprint as maths.SprintFact),
        gql.call(reader, PROJECT_REPORT, { p: s.projectId }).then((d) => d.projectReport),
      ]);
      const now = new Date();
      const tally = maths.tallyOf(s.tasks);
      const expectedSprint = maths.sprintReport({ sprint, tally, displayNames: new Map(), now });
      const expectedProject = maths.projectReport({ projectId: s.projectId, completedSprints: [], tally, displayNames: new Map(), now });
      for (const [report, got, want] of [['sprintReport', api, expectedSprint], ['projectReport', project, expectedProject]] as const) {
        const a = comparable(got);
        const b = comparable(want);
        const equal = JSON.stringify(a) === JSON.stringify(b);
        checks.push({ size: s.size, report, equal });
        if (!equal) console.error(`report: ${report} of ${s.size} tasks differs from the brute force:\n  API   ${JSON.stringify(a)}\n  maths ${JSON.stringify(b)}`);
      }
    }
    const allEqual = checks.every((c) => c.equal);
    console.log(`  reports equal to a brute-force recomputation over the generated tasks: ${allEqual ? 'yes (sprint and project, both sizes)' : 'NO'}`);

    console.log('report: measuring…');
    const probes: Probe[] = setups.flatMap((s) => [
      {
        name: `sprintReport, ${s.size.toLocaleString('en')} tasks`,
        async once() {
          const d = await gql.call(reader, SPRINT_REPORT, { id: s.sprintId });
          if (!d.sprintReport?.statusBreakdown) throw new Error('sprintReport: no answer');
        },
      },
      {
        name: `projectReport, ${s.size.toLocaleString('en')} tasks`,
        async once() {
          const d = await gql.call(reader, PROJECT_REPORT, { p: s.projectId });
          if (!d.projectReport?.statusBreakdown) throw new Error('projectReport: no answer');
        },
      },
    ]);
    const latencies = await measureInterleaved(probes, MEASURE);
    // Reference: the sprint recomputed from its whole partition (what the reports did before the aggregates).
    const partition = (s: Setup): Probe => ({
      name: `recount of the bySprint partition (SDK, all pages), ${s.size.toLocaleString('en')} tasks`,
      async once() {
        let start: Record<string, any> | undefined;
        const tasks: maths.TaskFact[] = [];
        do {
          const r = await ddb.send(new QueryCommand({
            TableName: LOCAL_TABLE_NAME,
            IndexName: INDEX.bySprint.name,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': INDEX.bySprint.pk },
            ExpressionAttributeValues: { ':pk': { S: sprintPk(s.sprintId) } },
            ExclusiveStartKey: start,
          }));
          for (const item of r.Items ?? []) tasks.push(unmarshall(item) as maths.TaskFact);
          start = r.LastEvaluatedKey;
        } while (start);
        if (maths.tallyOf(tasks).tasks !== s.size) throw new Error('recount: wrong count');
      },
    });
    const reference = await measureInterleaved(setups.map(partition), REFERENCE_MEASURE);

    const [sSmall, pSmall, sLarge, pLarge] = latencies as [typeof latencies[0], typeof latencies[0], typeof latencies[0], typeof latencies[0]];
    const sprintRatio = sLarge.p50 / sSmall.p50;
    const projectRatio = pLarge.p50 / pSmall.p50;
    const referenceRatio = reference[1]!.p50 / reference[0]!.p50;
    const met = sprintRatio <= TARGET;
    const wallSeconds = (performance.now() - started) / 1000;
    const [small, large] = sizes.map((n) => `${n.toLocaleString('en')} tasks`);
    console.log(`\nreport: p50 as max (MEMBER), sequential, interleaved (${MEASURE.rounds}×${MEASURE.perRound} samples each after ${MEASURE.warmup} warm-up)`);
    console.log(`  ${'query'.padEnd(58)} ${small!.padEnd(12)} ${large!.padEnd(12)} ratio`);
    console.log(`  ${'sprintReport (client query)'.padEnd(58)} ${fmtMs(sSmall.p50).padEnd(12)} ${fmtMs(sLarge.p50).padEnd(12)} ${fmtRatio(sprintRatio)}   target ≤ ${TARGET}×: ${met ? 'met' : 'NOT met'}`);
    console.log(`  ${'projectReport (client query)'.padEnd(58)} ${fmtMs(pSmall.p50).padEnd(12)} ${fmtMs(pLarge.p50).padEnd(12)} ${fmtRatio(projectRatio)}`);
    console.log(`  ${'reference: recount of the sprint partition (SDK)'.padEnd(58)} ${fmtMs(reference[0]!.p50).padEnd(12)} ${fmtMs(reference[1]!.p50).padEnd(12)} ${fmtRatio(referenceRatio)}   (what reading the aggregates saves)`);
    console.log(`  whole part ${wallSeconds.toFixed(0)} s`);
    const file = writeResult('report', {
      sizes, measure: MEASURE, referenceMeasure: REFERENCE_MEASURE, writeSeconds, streamSeconds, checks,
      latencies, reference, sprintRatio, projectRatio, referenceRatio, met, wallSeconds,
    });
    console.log(`  JSON: ${file}`);
    return {
      ok: met && allEqual,
      rows: [
        { benchmark: `sprintReport p50, ${small} → ${large}`, measured: `${fmtMs(sSmall.p50)} → ${fmtMs(sLarge.p50)} = ${fmtRatio(sprintRatio)}`, target: `≤ ${TARGET}×`, met },
        { benchmark: `projectReport p50, ${small} → ${large}`, measured: `${fmtMs(pSmall.p50)} → ${fmtMs(pLarge.p50)} = ${fmtRatio(projectRatio)}`, target: '(none; flat expected)', met: null },
        { benchmark: 'reports = brute-force recomputation (generated sprints)', measured: allEqual ? 'equal' : 'DIFFERENT', target: 'equal', met: allEqual },
      ],
    };
  } finally {
    gql.close();
    ddb.destroy();
    await runtime.stop();
    stopDeadline();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runReportBench();
  if (!r.ok) process.exitCode = 1;
}
