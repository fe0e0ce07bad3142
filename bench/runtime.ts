/**
 * Runtime overhead (README "Benchmarks": the speed and scale targets): a `task(id)` query through the local AppSync
 * reaches ≥ 70% of the throughput of the same GetItem sent straight to DynamoDB Local with the SDK, at
 * the same concurrency.
 *
 * The whole local runtime starts in this process (DynamoDB Local in memory, cognito-local, the app over
 * TLS on a random loopback port, no seed); a project and a task are created through the API. Then, at
 * each concurrency, two closed-loop workloads run for equal durations, their rounds interleaved:
 *   (a) `task(id)` over HTTPS through the local AppSync with a real Cognito access token (keep-alive
 *       agent): the real Query.task pipeline (loadTask → authorize), the real resolvers and engine;
 *   (b) the same GetItem (the task's key, strongly consistent) straight to DynamoDB Local with
 *       `@aws-sdk/client-dynamodb` (keep-alive, the SDK's default), unmarshalled.
 * The pipeline reads more than the task: its authorize step also reads the project (ada, a global
 * Admin) or the caller's membership (`--user max`, a project member). So a reference workload follows:
 *   (c) the DynamoDB requests one run of the pipeline made (recorded by the profile below), sent
 *       straight with the SDK, in sequence: (a)/(c) is the runtime's own overhead.
 * The target is (a)/(b), as the README's benchmark table words it.
 * Clients, server and DynamoDB Local share the same 2 cores, so figures are ratios from one run, never
 * absolute promises. A per-phase profile of one request comes first; CPU time per request (this
 * process, which holds both clients and the server; DynamoDB Local's Java process) is printed per workload.
 *
 *   npx tsx bench/runtime.ts [--concurrency 8,32] [--rounds 3] [--round-ms 2500] [--profile 500] [--user ada]
 */
import { Agent } from 'node:https';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { createLocalDynamoDbClient } from '../packages/appsync-local/src/services/dynamodb-local.ts';
import { demoToken, startThrowawayRuntime, type LocalRuntime } from '../local/start.ts';
import { createDataSources } from '../packages/appsync-local/src/appsync/datasources/index.ts';
import { LOCAL_TABLE_NAME } from '../model/table.ts';
import { taskKey } from '../model/keys.ts';
import { compareInterleaved, ms, processCpuClock, us, watchOtherCpu, type Summary, type Workload } from './lib/runtime-load.ts';
import { profileTaskRequest } from './lib/runtime-profile.ts';
import { postGraphQL } from './lib/member-task.ts';

/** The whole run, start-up included, is cut off after this. */
const TIME_LIMIT_MS = 150_000;
/** The measured part (all rounds, all concurrencies) must fit in this. */
const MEASURE_BUDGET_MS = 60_000;
const TARGET_RATIO = 0.7;
const TASK_QUERY = 'query GetTask($id: ID!) { task(id: $id) { id projectId key title status priority labels version updatedAt } }';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

async function graphql(runtime: LocalRuntime, agent: Agent, token: string, query: string, variables: Record<string, unknown> = {}) {
  const json = JSON.parse(await postGraphQL(runtime, agent, token, JSON.stringify({ query, variables }))) as { data?: any; errors?: unknown[] };
  if (json.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(json.errors)}`);
  return json.data;
}

export interface RuntimeBenchResult {
  ok: boolean;
  byConcurrency: { concurrency: number; appsync: Summary; direct: Summary; ratio: number; replay?: Summary; replayRatio?: number }[];
}

export async function runRuntimeBench(): Promise<RuntimeBenchResult> {
  const concurrencies = arg('concurrency', '8,32').split(',').map(Number).filter((n) => n > 0);
  const rounds = Number(arg('rounds', '3'));
  let roundMs = Number(arg('round-ms', '2500'));
  const warmupMs = 1000;
  const profileIterations = Number(arg('profile', '500'));
  const email = `${arg('user', 'ada')}@taskwire.local`;
  // Keep the measured part within its budget whatever the arguments say.
  // Up to three workloads per concurrency.
  const perConcurrency = (ms_: number) => 3 * warmupMs + 3 * rounds * ms_;
  if (concurrencies.length * perConcurrency(roundMs) > MEASURE_BUDGET_MS) {
    roundMs = Math.floor((MEASURE_BUDGET_MS / concurrencies.length - 3 * warmupMs) / (3 * rounds));
  }

  const deadline = setTimeout(() => {
    console.error(`runtime benchmark: time limit of ${TIME_LIMIT_MS / 1000} s exceeded`);
    process.exit(2);
  }, TIME_LIMIT_MS);
  deadline.unref();

  console.log('runtime overhead: starting the local runtime (DynamoDB Local in memory, cognito-local, TLS app on loopback)…');
  const runtime = await startThrowawayRuntime();
  const setupAgent = new Agent({ ca: runtime.caCertPem, keepAlive: true });
  const agents: Agent[] = [setupAgent];
  const ddb = createLocalDynamoDbClient(runtime.urls.dynamodb);
  const profileDdb = createLocalDynamoDbClient(runtime.urls.dynamodb);
  try {
    const user = runtime.demoUsers.find((u) => u.email === email);
    if (!user) throw new Error(`no demo user ${email}`);
    const admin = runtime.demoUsers.find((u) => u.groups.includes('Admins'))!;
    const adminToken = await demoToken(runtime, admin.email);
    const token = user === admin ? adminToken : await demoToken(runtime, user.email);
    const projectId: string = (await graphql(runtime, setupAgent, adminToken, 'mutation { createProject(input: { key: "BENCH", name: "Runtime overhead" }) { id } }'))
      .createProject.id;
    if (user !== admin) {
      await graphql(runtime, setupAgent, adminToken, 'mutation($input: AddMemberInput!) { addMember(input: $input) { userId } }', {
        input: { projectId, email: user.email, role: 'MEMBER' },
      });
    }
    const taskId: string = (await graphql(runtime, setupAgent, adminToken, 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
      input: { projectId, title: 'Runtime overhead card', description: 'A task of ordinary size, read over and over.', labels: ['bench', 'runtime'], priority: 'HIGH' },
    })).createTask.id;
    const body = JSON.stringify({ query: TASK_QUERY, variables: { id: taskId } });
    const key = marshall(taskKey(taskId));

    const appsyncFor = (concurrency: number): Workload => {
      const agent = new Agent({ ca: runtime.caCertPem, keepAlive: true, maxSockets: concurrency });
      agents.push(agent);
      return {
        name: `(a) task(id) through the local AppSync (HTTPS, Cognito access token, ${user.email.split('@')[0]})`,
        async once() {
          const text = await postGraphQL(runtime, agent, token, body);
          const json = JSON.parse(text) as { data?: { task?: { id?: string } | null } };
          if (json.data?.task?.id !== taskId) throw new Error(`unexpected answer: ${text}`);
        },
      };
    };
    const direct: Workload = {
      name: '(b) the same GetItem straight to DynamoDB Local (SDK)',
      async once() {
        const { Item } = await ddb.send(new GetItemCommand({ TableName: LOCAL_TABLE_NAME, Key: key, ConsistentRead: true }));
        if (!Item || unmarshall(Item).SK !== 'TASK') throw new Error('GetItem: the task is missing');
      },
    };

    console.log(`\nPer-phase profile of one task(id) request (${profileIterations} sequential requests, mean per request):`);
    const table = createDataSources({ table: { type: 'AMAZON_DYNAMODB' } }, {
      dynamodb: { client: profileDdb, tableName: LOCAL_TABLE_NAME, tokenSecret: randomBytes(32) },
    }).table!;
    const { phases, requests } = await profileTaskRequest({
      schema: runtime.app.schema,
      authenticator: runtime.app.authenticator,
      table,
      query: TASK_QUERY,
      variables: { id: taskId },
      authorization: token,
      https: async () => void (await postGraphQL(runtime, setupAgent, token, body)),
      iterations: profileIterations,
    });
    for (const p of phases) console.log(`  ${'  '.repeat(p.indent)}${p.label.padEnd(76 - 2 * p.indent)} ${us(p.mean).padStart(8)}`);
    const replayable = requests.every((r) => (r as { operation?: unknown }).operation === 'GetItem');
    console.log(`  (one run of the pipeline made ${requests.length} DynamoDB request(s): ${requests.map((r) => JSON.stringify((r as { key?: unknown }).key)).join(', ')})`);

    // (c): the pipeline's own DynamoDB requests (as recorded above), sent straight, one after the other.
    const pipelineReads = requests.map((r) => {
      const req = r as { key: Record<string, never>; consistentRead?: boolean };
      return () => ddb.send(new GetItemCommand({ TableName: LOCAL_TABLE_NAME, Key: req.key, ConsistentRead: req.consistentRead ?? false }));
    });
    const replay: Workload = {
      name: `(c) reference: the pipeline's ${requests.length} GetItems straight to DynamoDB Local (SDK), in sequence`,
      async once() {
        for (const read of pipelineReads) {
          const { Item } = await read();
          if (!Item) throw new Error('GetItem: an item the pipeline reads is missing');
        }
      },
    };

    watchOtherCpu(processCpuClock(["DynamoDBLocal", `-port ${new URL(runtime.urls.dynamodb).port} `]));
    const result: RuntimeBenchResult = { ok: true, byConcurrency: [] };
    console.log(`\nThroughput, closed loop, ${rounds} interleaved rounds of ${(roundMs / 1000).toFixed(1)} s per workload after a ${(warmupMs / 1000).toFixed(1)} s warm-up each:`);
    for (const concurrency of concurrencies) {
      const workloads = [appsyncFor(concurrency), direct, ...(replayable && requests.length > 1 ? [replay] : [])];
      const [a, b, c] = await compareInterleaved(workloads, { concurrency, rounds, roundMs, warmupMs }) as [Summary, Summary, Summary?];
      const ratio = a.rps / b.rps;
      const met = ratio >= TARGET_RATIO;
      if (!met) result.ok = false;
      result.byConcurrency.push({ concurrency, appsync: a, direct: b, ratio, ...(c ? { replay: c, replayRatio: a.rps / c.rps } : {}) });
      console.log(`\n  concurrency ${concurrency} (requests in flight)`);
      for (const s of c ? [a, b, c] : [a, b]) {
        console.log(`    ${s.name.padEnd(78)} ${s.rps.toFixed(0).padStart(6)} req/s   p50 ${ms(s.p50).padStart(9)}   p99 ${ms(s.p99).padStart(9)}   (${s.requests} requests)`);
      }
      console.log(
        `    CPU per request: this process (client + server) (a) ${us(a.cpuPerRequest)}, (b) ${us(b.cpuPerRequest)}` +
          `${c ? `, (c) ${us(c.cpuPerRequest)}` : ''}; DynamoDB Local (a) ${us(a.otherCpuPerRequest)}, (b) ${us(b.otherCpuPerRequest)}` +
          `${c ? `, (c) ${us(c.otherCpuPerRequest)}` : ''}`,
      );
      console.log(`    TARGET ratio (a)/(b): ${(ratio * 100).toFixed(1)}% of direct GetItem throughput   target ≥ ${TARGET_RATIO * 100}%: ${met ? 'met' : 'NOT met'}`);
      if (c) console.log(`    reference ratio (a)/(c): ${((a.rps / c.rps) * 100).toFixed(1)}% of the throughput of the pipeline's own reads sent straight (overhead of the runtime itself)`);
    }

    const summary = result.byConcurrency.map((r) => `c=${r.concurrency}: ${(r.ratio * 100).toFixed(1)}%`).join(', ');
    const reference = result.byConcurrency.filter((r) => r.replayRatio !== undefined).map((r) => `c=${r.concurrency}: ${(r.replayRatio! * 100).toFixed(1)}%`).join(', ');
    console.log(`\nruntime overhead: ${summary} of direct GetItem throughput (target ≥ ${TARGET_RATIO * 100}%): ${result.ok ? 'met' : 'NOT met'}`);
    if (reference) console.log(`  against the pipeline's own reads sent straight: ${reference}`);
    return result;
  } finally {
    for (const a of agents) a.destroy();
    ddb.destroy();
    profileDdb.destroy();
    await runtime.stop();
    clearTimeout(deadline);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runRuntimeBench();
  if (!r.ok) process.exitCode = 1;
}
