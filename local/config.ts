/**
 * `npm start` configuration, parsed and checked once, at start: command-line flags and environment
 * variables in, a complete `LocalConfig` out, or a `ConfigError` whose message says what to fix.
 *
 *   npm start [-- --in-memory] [-- --no-seed]
 *   PORT=4000                          the local AppSync (HTTPS); cognito-local and DynamoDB Local use
 *   COGNITO_PORT=PORT+1                the next two ports unless set
 *   DYNAMODB_PORT=PORT+2
 *   S3_PORT=PORT+3                     the local S3 server (attachments)
 *   EVENTBRIDGE_PORT=PORT+4            the local EventBridge (PutEvents, rules → functions)
 *   SCHEDULER_PORT=PORT+5              the local EventBridge Scheduler
 *   SNS_PORT=PORT+6                    the local SNS (Publish; GET /messages lists what was published)
 *   SES_PORT=PORT+7                    aws-ses-v2-local (SES v2; its web page lists the mail sent)
 *   WEB_PORT=PORT+8                    the web client (client/dist, built on first start)
 *   TASKWIRE_DATA_DIR=.taskwire        DynamoDB, cognito-local, S3 and Scheduler data, stream checkpoints,
 *                                      the local CA (git-ignored)
 *   TASKWIRE_CERT_DIR=<data dir>       where the local CA and certificate are kept (under tls/)
 *   TASKWIRE_OUTPUTS=taskwire-outputs.json   where the clients' configuration file is written
 *   TASKWIRE_QUERY_DEPTH_LIMIT=0       0 = none, else 1–75 (AppSync's range)
 *   TASKWIRE_RESOLVER_COUNT_LIMIT=10000  1–10000
 *   TASKWIRE_INTROSPECTION=true        false turns introspection off
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (relative settings resolve from it). Not imported from scripts/: `npm start` reads
 * this module before it loads anything heavy (local/main.ts). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface DemoUserConfig {
  username: string;
  email: string;
  password: string;
  displayName: string;
  groups: string[];
  /** The role the user will have in the seeded demo project (null: not a member). */
  demoProjectRole: 'ADMIN' | 'MEMBER' | 'VIEWER' | null;
}

export interface LocalConfig {
  host: string;
  /** The ports below: 0 takes any free one (startThrowawayRuntime; `npm start` always names them). */
  port: number;
  cognitoPort: number;
  dynamoDbPort: number;
  s3Port: number;
  webPort: number;
  eventBridgePort: number;
  schedulerPort: number;
  snsPort: number;
  sesPort: number;
  /** DynamoDB Local without a database file (cognito-local then uses a temporary folder). */
  inMemory: boolean;
  seed: boolean;
  dataDir: string;
  /** Folder whose tls/ holds the local CA (shared by test runtimes so one CA can be trusted). */
  certDir: string;
  region: string;
  outputsPath: string;
  limits: { queryDepthLimit: number; resolverCountLimit: number; introspection: boolean };
  demoUsers: DemoUserConfig[];
}

/** Signed in with their email. One per demo role; the admin is also in the global `Admins` group. */
export const DEMO_USERS: DemoUserConfig[] = [
  { username: 'ada', email: 'ada@taskwire.local', password: 'Taskwire-demo-1', displayName: 'Ada Admin', groups: ['Admins'], demoProjectRole: 'ADMIN' },
  { username: 'max', email: 'max@taskwire.local', password: 'Taskwire-demo-1', displayName: 'Max Member', groups: [], demoProjectRole: 'MEMBER' },
  { username: 'vera', email: 'vera@taskwire.local', password: 'Taskwire-demo-1', displayName: 'Vera Viewer', groups: [], demoProjectRole: 'VIEWER' },
  { username: 'otto', email: 'otto@taskwire.local', password: 'Taskwire-demo-1', displayName: 'Otto Outsider', groups: [], demoProjectRole: null },
];

export const USAGE = `Usage: npm start [-- --in-memory] [-- --no-seed]
  --in-memory   keep DynamoDB data in memory (nothing written under the data folder's dynamodb/)
  --no-seed     do not create the demo project
Environment: PORT (4000), COGNITO_PORT, DYNAMODB_PORT, S3_PORT, EVENTBRIDGE_PORT, SCHEDULER_PORT, SNS_PORT,
  SES_PORT, WEB_PORT (PORT+1 … PORT+8), TASKWIRE_DATA_DIR (.taskwire), TASKWIRE_CERT_DIR,
  TASKWIRE_OUTPUTS (taskwire-outputs.json),
  TASKWIRE_QUERY_DEPTH_LIMIT (0 = none, 1–75), TASKWIRE_RESOLVER_COUNT_LIMIT (1–10000), TASKWIRE_INTROSPECTION (true|false)`;

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) throw new ConfigError(`${name} must be a port number (1–65535), not "${raw}"`);
  return n;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, hint: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be ${hint}, not "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, not "${raw}"`);
}

export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): LocalConfig {
  const flags = new Set<string>();
  for (const arg of argv) {
    if (arg === '--in-memory' || arg === '--no-seed') flags.add(arg);
    else throw new ConfigError(`unknown option ${arg}\n${USAGE}`);
  }
  const appPort = port(env, 'PORT', 4000);
  const dataDir = resolve(ROOT, env.TASKWIRE_DATA_DIR || '.taskwire');
  const depth = integer(env, 'TASKWIRE_QUERY_DEPTH_LIMIT', 0, 0, 75, '0 (no limit) or 1–75');
  return {
    host: '127.0.0.1',
    port: appPort,
    cognitoPort: port(env, 'COGNITO_PORT', Math.min(appPort + 1, 65_535)),
    dynamoDbPort: port(env, 'DYNAMODB_PORT', Math.min(appPort + 2, 65_535)),
    s3Port: port(env, 'S3_PORT', Math.min(appPort + 3, 65_535)),
    webPort: port(env, 'WEB_PORT', Math.min(appPort + 8, 65_535)),
    eventBridgePort: port(env, 'EVENTBRIDGE_PORT', Math.min(appPort + 4, 65_535)),
    schedulerPort: port(env, 'SCHEDULER_PORT', Math.min(appPort + 5, 65_535)),
    snsPort: port(env, 'SNS_PORT', Math.min(appPort + 6, 65_535)),
    sesPort: port(env, 'SES_PORT', Math.min(appPort + 7, 65_535)),
    inMemory: flags.has('--in-memory'),
    seed: !flags.has('--no-seed'),
    dataDir,
    certDir: env.TASKWIRE_CERT_DIR ? resolve(ROOT, env.TASKWIRE_CERT_DIR) : dataDir,
    region: 'us-east-1',
    outputsPath: resolve(ROOT, env.TASKWIRE_OUTPUTS || 'taskwire-outputs.json'),
    limits: {
      queryDepthLimit: depth,
      resolverCountLimit: integer(env, 'TASKWIRE_RESOLVER_COUNT_LIMIT', 10_000, 1, 10_000, '1–10000'),
      introspection: bool(env, 'TASKWIRE_INTROSPECTION', true),
    },
    demoUsers: DEMO_USERS,
  };
}
