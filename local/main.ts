/**
 * `npm start` (`tsx local/main.ts`): the command-line entry of the local runtime (local/start.ts).
 *
 * It reads its configuration and makes sure of the local CA before anything else, with only the
 * modules that needs (the configuration and the TLS helper): when the CA is not trusted yet it starts
 * again as a child that trusts it (see relaunchTrustingLocalCa), and a process that only relays to
 * that child never loads the runtime. The runtime's modules (AWS SDKs, GraphQL, the resolver engine…)
 * are loaded once, in the process that runs it.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ensureLocalCertificates } from '../packages/appsync-local/src/services/tls.ts';
import { parseConfig, type LocalConfig } from './config.ts';
import type { LocalRuntime } from './start.ts';

function banner(runtime: LocalRuntime, config: LocalConfig, ms: number, bucket: string): string {
  const users = runtime.demoUsers
    .map((u) => `    ${u.email.padEnd(22)} ${u.password}   ${[...u.groups, u.demoProjectRole ? `demo project ${u.demoProjectRole}` : 'no project'].join(', ')}`)
    .join('\n');
  return [
    `Taskwire local runtime ready in ${(ms / 1000).toFixed(1)} s`,
    `  GraphQL        ${runtime.urls.graphql}`,
    `  Real-time      ${runtime.urls.realtime}`,
    `  EvaluateCode   ${runtime.urls.evaluateCode} (AppSync API endpoint for the AWS SDK)`,
    `  Cognito        ${runtime.urls.cognito}`,
    `  DynamoDB       ${runtime.urls.dynamodb}`,
    `  S3             ${runtime.urls.s3} (attachments bucket ${bucket})`,
    `  EventBridge    ${runtime.urls.eventBridge} (bus ${runtime.events.env.eventBusName}; GET /events lists the events put)`,
    `  Scheduler      ${runtime.urls.scheduler} (group ${runtime.events.env.scheduleGroupName})`,
    `  SNS            ${runtime.urls.sns} (topic ${runtime.events.env.topicArn}; GET /messages lists what was published)`,
    `  Email (SES)    ${runtime.urls.ses}  (open it in a browser to read the mail sent; JSON at /store)`,
    `  Web client     ${(runtime.outputs.custom.webUrl as string | null) ?? '(not served)'}`,
    `  CA certificate ${runtime.caCertPath}  (trust it, or NODE_EXTRA_CA_CERTS=${runtime.caCertPath})`,
    `  Outputs        ${config.outputsPath}`,
    `  Demo users (sign in with the email):`,
    users,
    `Ctrl-C to stop.`,
  ].join('\n');
}

/**
 * Taskwire's Lambda functions run in this process and call the local AppSync over HTTPS with plain
 * `fetch`, exactly as they call AppSync on AWS. Node reads extra trusted CAs only at start-up
 * (NODE_EXTRA_CA_CERTS), so when the local CA is not trusted yet the runtime starts again as a child
 * that trusts it; the parent only relays signals and the exit code. Returns true in that parent.
 */
function relaunchTrustingLocalCa(config: LocalConfig): boolean {
  const { caCertPath } = ensureLocalCertificates(config.certDir);
  if (process.env.NODE_EXTRA_CA_CERTS === caCertPath) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caCertPath },
  });
  // Ctrl-C reaches the whole process group (the child handles it); SIGTERM to this process is relayed.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  whenParentGone(() => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

/**
 * Calls `onGone` once the process that started this one has exited. Neither tsx nor the CA relaunch
 * takes its child down when it is SIGKILLed, and a runtime left behind would hold every port (and be
 * adopted by the next start); the reparenting shows in `process.ppid`.
 */
function whenParentGone(onGone: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, 500);
  timer.unref();
}

export async function main(): Promise<void> {
  const started = Date.now();
  let config: LocalConfig;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`taskwire: ${(err as Error).message}`);
    process.exit(2);
  }
  if (relaunchTrustingLocalCa(config)) return;
  let runtime: LocalRuntime | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await runtime?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  whenParentGone(() => void shutdown('parent process gone'));
  let bucket: string;
  try {
    // Loaded here, in the process that runs the runtime (never in a relaunching parent).
    const [{ startLocalRuntime, ATTACHMENTS_BUCKET }, { seedDemoProject }] = await Promise.all([import('./start.ts'), import('./seed.ts')]);
    bucket = ATTACHMENTS_BUCKET;
    runtime = await startLocalRuntime(config, {
      writeOutputsFile: true,
      web: true,
      // On an empty database: the demo project, with the demo users as ADMIN, MEMBER and VIEWER.
      seed: (rt) => seedDemoProject(rt, (line) => console.log(line)).then(() => undefined),
      log: (line) => console.log(line),
    });
  } catch (err) {
    console.error(`taskwire: ${(err as Error).message.split('\n')[0]}`);
    process.exit(1);
  }
  if (stopping) return;
  console.log(banner(runtime, config, Date.now() - started, bucket));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
