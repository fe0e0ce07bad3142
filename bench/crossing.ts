/**
 * What crossing to the resolver workers costs (docs/local-runtime.md, "One crossing per resolver run"):
 * the peer benchmark's (d), a MEMBER's `task(id)` (the Query.task pipeline: loadTask, authorize, two
 * GetItems on DynamoDB Local), run through the real executor with the real bundles, either
 *   - in the runtime's WorkerPool (as `npm start` runs it: the whole run in a worker, which makes the
 *     DynamoDB calls), or
 *   - with the engine's in-process API in this thread (an experiment, not a way to run: no time or
 *     memory bound).
 * 20 runs in flight, as the peer benchmark's connections. It prints the CPU per run of this process and
 * of the pool's workers (user + system, from process.cpuUsage and /proc; DynamoDB Local's own is not
 * counted), steadier than throughput on a shared machine.
 *
 *   npx tsx bench/crossing.ts [--runs 4000] [--rounds 3] [--workers 2]
 *   (with --cpu-prof: node --cpu-prof --cpu-prof-dir <dir> --import tsx bench/crossing.ts; the pool's
 *    workers write their profiles there too; bench/lib/profile-summary.ts reads them)
 */
import { startThrowawayRuntime } from '../local/start.ts';
import { WorkerPool } from '../packages/appsync-local/src/appsync/js/worker-pool.ts';
import { createExecutor, DEFAULT_LIMITS } from '../packages/appsync-local/src/appsync/graphql/executor.ts';
import { runResolver, type ResolverRunner } from '../packages/appsync-local/src/appsync/graphql/resolve.ts';
import { inProcessEngine, taskPipeline, TASK_FIELD as FIELD } from './lib/task-pipeline.ts';
import { PEER_QUERY } from './peer/fixture.ts';
import { createMemberTask } from './lib/member-task.ts';
import { cpuOf } from './lib/kit.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}
const RUNS = arg('runs', 4000);
const ROUNDS = arg('rounds', 3);
const IN_FLIGHT = 20;
const WORKERS = arg('workers', 2);

/** CPU of this process's resolver workers (user + system, and system alone; ms). */
const workersCpu = () => {
  const all = cpuOf(process.pid, /worker-entry/);
  const own = cpuOf(process.pid);
  return { ms: all.ms - own.ms, systemMs: all.systemMs - own.systemMs };
};

const rt = await startThrowawayRuntime();
try {
  const { taskId, memberToken } = await createMemberTask(rt);
  const resolver = taskPipeline(rt.urls.dynamodb);
  const headers = { 'content-type': 'application/json', authorization: memberToken };
  const variables = { id: taskId };
  const auth = await rt.app.authenticator.authenticate({ method: 'POST', path: '/graphql', headers, body: '', sourceIp: '127.0.0.1' }, { queryString: PEER_QUERY, variables });

  const pool = new WorkerPool({ size: WORKERS });
  await pool.ready();
  const runners: Record<string, ResolverRunner> = {
    'workers (WorkerPool)': (r, base, onAppend) => pool.runResolver(r, base, onAppend),
    'in-process (experiment)': (r, base, onAppend) => runResolver(inProcessEngine, r, base, onAppend),
  };
  console.log(`crossing: ${FIELD} for a MEMBER (two GetItems on DynamoDB Local), ${IN_FLIGHT} runs in flight, ${ROUNDS} rounds of ${RUNS} runs; CPU per run:`);
  for (const [label, runner] of Object.entries(runners)) {
    const executor = createExecutor({ schema: rt.app.schema, resolvers: new Map([[FIELD, resolver]]), runResolver: runner, defaultAuthMode: 'AMAZON_COGNITO_USER_POOLS', limits: DEFAULT_LIMITS, env: {} });
    const one = async () => {
      // A fresh identity per request, as the authenticator hands out.
      const body = await executor.execute({ query: PEER_QUERY, variables, operationName: null, auth: structuredClone(auth), headers, domainName: null });
      if (body.errors || !(body.data as { task?: unknown } | null)?.task) throw new Error(`crossing: unexpected answer ${JSON.stringify(body)}`);
    };
    const runs = async (n: number) => {
      let started = 0;
      await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
        while (started++ < n) await one();
      }));
    };
    await runs(1500);
    const rounds: string[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const before = { main: process.cpuUsage(), workers: workersCpu(), at: performance.now() };
      await runs(RUNS);
      const main = process.cpuUsage(before.main);
      const workers = workersCpu();
      const perRun = (ms: number) => `${((ms * 1000) / RUNS).toFixed(0)} µs`;
      rounds.push(
        `this process ${perRun((main.user + main.system) / 1000)} (system ${perRun(main.system / 1000)}), workers ${perRun(workers.ms - before.workers.ms)} ` +
          `(system ${perRun(workers.systemMs - before.workers.systemMs)}); ${((RUNS / (performance.now() - before.at)) * 1000).toFixed(0)} runs/s`,
      );
    }
    console.log(`  ${label}:\n    ${rounds.join('\n    ')}`);
  }
  await pool.close();
} finally {
  await rt.stop();
}
