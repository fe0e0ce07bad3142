/**
 * The stress stack's process: the same assembly as `npm start` (local/start.ts startLocalRuntime, the demo
 * seed, configuration from the environment: ports, data folder, limits), without the web client, with
 * every Lambda function routed through stress/faulty-lambda.ts so faults can be armed. The parent
 * (stress/stack.ts) reads one `STRESS-READY {json}` line, sends commands as JSON lines on stdin
 * (`{"arm":"notify","remaining":3}`, `{"arm":"notify","ms":9000}`, `{"counts":true}`), and may SIGKILL it.
 * Closing stdin (the parent gone) or SIGTERM stops it cleanly.
 */
import { createInterface } from 'node:readline';
import { lambdas } from '../functions/manifest.ts';
import { parseConfig } from '../local/config.ts';
import { seedDemoProject } from '../local/seed.ts';
import { startLocalRuntime, type LocalRuntime } from '../local/start.ts';
import { LOCAL_TABLE_NAME } from '../model/table.ts';
import { armFault, faultCounts } from './faulty-lambda.ts';

const functions = Object.fromEntries(Object.entries(lambdas).map(([name, def]) => [name, { ...def, entry: 'stress/faulty-lambda.ts' }]));
let runtime: LocalRuntime | undefined;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await runtime?.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

const config = parseConfig([], process.env);
runtime = await startLocalRuntime(config, {
  seed: (rt) => seedDemoProject(rt, (l) => console.log(l)).then(() => undefined),
  log: (line) => console.log(`runtime: ${line}`),
  functions: functions as never,
});
console.log(
  `STRESS-READY ${JSON.stringify({
    port: runtime.server.port,
    caCertPem: runtime.caCertPem,
    cognitoEndpoint: runtime.urls.cognito,
    clientId: runtime.pool.clientId,
    dynamoDbEndpoint: runtime.urls.dynamodb,
    tableName: LOCAL_TABLE_NAME,
    schedulerEndpoint: runtime.urls.scheduler,
    scheduleGroupName: runtime.events.env.scheduleGroupName,
    sesEndpoint: runtime.urls.ses,
  })}`,
);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  try {
    const cmd = JSON.parse(line) as { arm?: string; remaining?: number; ms?: number; counts?: boolean };
    if (cmd.arm) armFault(cmd.arm, { remaining: cmd.remaining, until: cmd.ms ? Date.now() + cmd.ms : 0 });
    if (cmd.counts) console.log(`STRESS-COUNTS ${JSON.stringify(faultCounts())}`);
  } catch (e) {
    console.log(`runtime: bad command ${line}: ${String(e)}`);
  }
});
lines.on('close', () => void stop());
