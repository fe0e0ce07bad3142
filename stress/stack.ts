/**
 * The stress stack as a child process (stress/runtime-main.ts) on free loopback ports and a data folder
 * of its own, so it can be SIGKILLed and started again over the same data, and its DynamoDB Local killed
 * and replaced. Only processes this module started are ever signalled, by their pid.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../packages/appsync-local/src/services/ports.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from '../packages/appsync-local/src/services/dynamodb-local.ts';
import { ensureLocalCertificates } from '../packages/appsync-local/src/services/tls.ts';
import { ROOT } from '../scripts/lib/project.ts';
import { HARDENED_LIMITS } from './security.ts';
import type { StackInfo } from './target.ts';

export interface Stack {
  info: StackInfo;
  dataDir: string;
  /** Runtime log lines (dead-letter and skip messages are counted from these). */
  logs: string[];
  /** Sends a command line to the runtime (stress/runtime-main.ts). */
  command(cmd: Record<string, unknown>): void;
  /** Fault-injection counts per function, as the runtime reports them. */
  counts(): Promise<Record<string, { invoked: number; failed: number }>>;
  /** SIGKILL the runtime process (its DynamoDB Local and cognito-local go with it). */
  kill(): Promise<void>;
  /** Start the runtime again over the same data folder and ports. */
  restart(): Promise<StackInfo>;
  /** SIGKILL DynamoDB Local only, then start a new one on the same port and folder (owned by this process). */
  killDynamoDb(): Promise<{ downMs: number }>;
  stop(): Promise<void>;
}

const ENV_PORTS = ['PORT', 'COGNITO_PORT', 'DYNAMODB_PORT', 'S3_PORT', 'EVENTBRIDGE_PORT', 'SCHEDULER_PORT', 'SNS_PORT', 'SES_PORT', 'WEB_PORT'] as const;

export async function startStack(log: (line: string) => void = () => undefined): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'taskwire-stress-'));
  const { caCertPath } = ensureLocalCertificates(dataDir);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    TASKWIRE_DATA_DIR: dataDir,
    TASKWIRE_CERT_DIR: dataDir,
    TASKWIRE_OUTPUTS: join(dataDir, 'taskwire-outputs.json'),
    NODE_EXTRA_CA_CERTS: caCertPath,
    TASKWIRE_INTROSPECTION: String(HARDENED_LIMITS.introspection),
    TASKWIRE_QUERY_DEPTH_LIMIT: String(HARDENED_LIMITS.queryDepthLimit),
    TASKWIRE_RESOLVER_COUNT_LIMIT: String(HARDENED_LIMITS.resolverCountLimit),
  };
  for (const name of ENV_PORTS) env[name] = String(await freePort());
  const logs: string[] = [];
  let child: ChildProcess;
  let ownDynamoDb: DynamoDbLocal | null = null;
  let countsWaiter: ((c: Record<string, { invoked: number; failed: number }>) => void) | null = null;

  const launch = () =>
    new Promise<StackInfo>((resolve, reject) => {
      // One process (tsx as a loader, not its CLI, which would add a parent): SIGKILL reaches the runtime itself.
      child = spawn(process.execPath, ['--import', 'tsx', 'stress/runtime-main.ts'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
      let buf = '';
      let ready = false;
      const onLine = (line: string) => {
        if (line.startsWith('STRESS-READY ')) {
          ready = true;
          resolve(JSON.parse(line.slice('STRESS-READY '.length)) as StackInfo);
        } else if (line.startsWith('STRESS-COUNTS ')) {
          countsWaiter?.(JSON.parse(line.slice('STRESS-COUNTS '.length)));
          countsWaiter = null;
        } else if (line.trim()) {
          logs.push(line);
          log(line);
        }
      };
      const onData = (c: Buffer) => {
        buf += c.toString();
        const parts = buf.split('\n');
        buf = parts.pop() ?? '';
        parts.forEach(onLine);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => {
        if (!ready) reject(new Error(`the stress runtime exited (${code ?? signal}) before it was ready:\n${logs.slice(-15).join('\n')}`));
      });
    });

  /** Ports may take a moment to be released after a kill (the reapers): retry the start a few times. */
  const launchWithRetries = async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await launch();
      } catch (e) {
        if (attempt >= 5 || !/in use|already|did not answer/i.test(String(e))) throw e;
        log(`stress: restart attempt ${attempt} failed (${String(e).split('\n')[0]}); retrying`);
        await new Promise((r) => setTimeout(r, 1000 * attempt));
      }
    }
  };

  const exited = () => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

  const stack: Stack = {
    info: await launchWithRetries(),
    dataDir,
    logs,
    command: (cmd) => child.stdin!.write(`${JSON.stringify(cmd)}\n`),
    counts: () =>
      new Promise((resolve) => {
        countsWaiter = resolve;
        child.stdin!.write('{"counts":true}\n');
      }),
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
    async restart() {
      stack.info = await launchWithRetries();
      return stack.info;
    },
    async killDynamoDb() {
      const pid = descendants(child.pid!).find((p) => /DynamoDBLocal/.test(p.args));
      if (!pid) throw new Error('DynamoDB Local of the stress runtime not found');
      const started = Date.now();
      process.kill(pid.pid, 'SIGKILL');
      const port = Number(env.DYNAMODB_PORT);
      for (let attempt = 1; ; attempt += 1) {
        try {
          ownDynamoDb = await startDynamoDbLocal({ port, dataDir: join(dataDir, 'dynamodb'), readyTimeoutMs: 60_000 });
          break;
        } catch (e) {
          if (attempt >= 10) throw e;
          await new Promise((r) => setTimeout(r, 500 * attempt));
        }
      }
      return { downMs: Date.now() - started };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited();
        clearTimeout(timer);
      }
      await ownDynamoDb?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** Every descendant process of `pid` (ps), with its command line. */
function descendants(pid: number): { pid: number; args: string }[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => !!m)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
  const out: { pid: number; args: string }[] = [];
  const walk = (p: number) => {
    for (const r of rows.filter((x) => x.ppid === p)) {
      out.push({ pid: r.pid, args: r.args });
      walk(r.pid);
    }
  };
  walk(pid);
  return out;
}
