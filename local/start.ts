/**
 * `npm start`: the whole local runtime as one process tree that stops cleanly.
 *   DynamoDB Local (+ the table) → cognito-local (+ pool, client, Admins, demo users) → resolvers
 *   bundled and compiled → the local event services (EventBridge, Scheduler, SNS, SES: local/events.ts)
 *   → the local AppSync on https://localhost:PORT/graphql → the table's stream to its functions
 *   → taskwire-outputs.json.
 *
 * `startLocalRuntime` is the same assembly for tests (test/support/runtime.ts), with random ports, a
 * temporary data folder and no outputs file. The command line (config, the CA relaunch, the banner)
 * is local/main.ts, which loads this module only in the process that runs the runtime.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLocalAppSync, type LocalAppSync, type LocalAppSyncConfig } from '../packages/appsync-local/src/appsync/app.ts';
import { createAuthenticator } from '../packages/appsync-local/src/appsync/auth/index.ts';
import { createHub, createRealtimeServer, type RealtimeServer } from '../packages/appsync-local/src/appsync/realtime/index.ts';
import { startServer, EVALUATE_CODE_PATH, REALTIME_PATH, type RunningServer } from '../packages/appsync-local/src/appsync/server.ts';
import type { Authenticator, AuthMode } from '../packages/appsync-local/src/appsync/types.ts';
import type { EventSink } from '../packages/appsync-local/src/appsync/datasources/eventbridge.ts';
import { ConfigError, parseConfig, type DemoUserConfig, type LocalConfig } from './config.ts';
import { applyLambdaEnvironment, createLambdaRunner, type LambdaRunner } from './lambdas.ts';
import { buildOutputs, writeOutputs, type TaskwireOutputs } from './outputs.ts';
import { signIn, startCognitoLocal, ensureUserPool, type CognitoLocal, type UserPoolInfo } from '../packages/appsync-local/src/services/cognito-local.ts';
import { assertPortFree } from '../packages/appsync-local/src/services/ports.ts';
import { createLocalDynamoDbClient, ensureTable, startDynamoDbLocal, LOCAL_CREDENTIALS, LOCAL_REGION, type DynamoDbLocal } from '../packages/appsync-local/src/services/dynamodb-local.ts';
import { startS3Local, type S3Local } from '../packages/appsync-local/src/services/s3-local.ts';
import { bundleResolversAsync, manifest, schemaSource, TABLE_DEFINITION } from '../scripts/lib/project.ts';
import { ensureLocalCertificates } from '../packages/appsync-local/src/services/tls.ts';
import { LOCAL_TABLE_NAME } from '../model/table.ts';
import { AUTHORIZER, lambdas as manifestLambdas, type LambdaDef } from '../functions/manifest.ts';
import { ensureClientBuild, startWebServer } from '../client/server/web.ts';
import { startEventServices, type EventServices, type FunctionDefs } from './events.ts';
import { createAcceleratedClock, type Clock } from '../packages/appsync-local/src/services/events/common.ts';

export const DEFAULT_AUTH_MODE: AuthMode = 'AMAZON_COGNITO_USER_POOLS';
export const ADDITIONAL_AUTH_MODES: AuthMode[] = ['AWS_LAMBDA', 'AWS_IAM'];
export const LOCAL_ACCOUNT_ID = '000000000000';
/** The attachments bucket in the local S3 server (on AWS: the CDK stack's bucket). */
export const ATTACHMENTS_BUCKET = 'taskwire-attachments-local';

/**
 * The credentials Taskwire's Lambda functions sign IAM requests with locally (on AWS: their roles).
 * Not a secret: the local runtime only listens on localhost.
 */
export const LOCAL_IAM_CREDENTIALS = {
  accessKeyId: 'AKIATASKWIRELOCAL',
  secretAccessKey: 'taskwire-local-secret-access-key',
  accountId: LOCAL_ACCOUNT_ID,
  userArn: `arn:aws:sts::${LOCAL_ACCOUNT_ID}:assumed-role/taskwire-functions/local`,
};

export interface RuntimeUrls {
  graphql: string;
  realtime: string;
  evaluateCode: string;
  cognito: string;
  dynamodb: string;
  s3: string;
  eventBridge: string;
  scheduler: string;
  sns: string;
  /** aws-ses-v2-local: the SES v2 endpoint and its web page (GET /store lists the mail as JSON). */
  ses: string;
}

export interface LocalRuntime {
  app: LocalAppSync;
  server: RunningServer;
  realtime: RealtimeServer;
  urls: RuntimeUrls;
  pool: UserPoolInfo;
  caCertPem: string;
  caCertPath: string;
  outputs: TaskwireOutputs;
  demoUsers: DemoUserConfig[];
  /** Taskwire's Lambda functions as the runtime invokes them (each with exactly its own resource variables). */
  lambdas: LambdaRunner;
  /** The local EventBridge, Scheduler, SNS and SES (inspection in tests: recent(), invocations(), messages(), emails()). */
  events: EventServices;
  /** Stops the listener and every child process (idempotent). */
  stop(): Promise<void>;
}

/** Seeding the demo project comes with the domain resolvers: a module may register itself here. */
export type SeedHook = (runtime: LocalRuntime) => Promise<void>;

export interface StartOptions {
  /** Replace parts of the app (tests: a small schema, their own resolvers). */
  app?: Partial<Pick<LocalAppSyncConfig, 'schemaSource' | 'manifest' | 'bundles' | 'limits'>>;
  writeOutputsFile?: boolean;
  seed?: SeedHook | null;
  log?: (line: string) => void;
  /**
   * How long a minute lasts for the local Scheduler (tests run the manifest's schedules faster); default
   * 60,000 ms. Ignored when `clock` is given.
   */
  scheduleMsPerMinute?: number;
  /** Serve the web client (client/dist, built when missing) on config.webPort: `npm start` does. */
  web?: boolean;
  /** The local Scheduler's and EventBridge's clock (tests: a manual clock moved forward). */
  clock?: Clock;
  /** Real ms between the local Scheduler's due checks (default 1000, less with scheduleMsPerMinute). */
  schedulerPollMs?: number;
  /** The functions to run instead of functions/manifest.ts (tests add temporary entries). */
  functions?: FunctionDefs;
}

/** One clear line instead of a Java stack when `java` is missing. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  const err = probe.error as NodeJS.ErrnoException | undefined;
  if (err?.code === 'ENOENT') throw new ConfigError('DynamoDB Local needs Java 17 or later: `java` was not found on PATH (install a JRE, e.g. apt-get install openjdk-17-jre-headless)');
}

export async function startLocalRuntime(config: LocalConfig, opts: StartOptions = {}): Promise<LocalRuntime> {
  const log = opts.log ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  /** The app, built while the services start: once it exists it is in `stops` too. */
  let building: Promise<unknown> = Promise.resolve();
  try {
    assertJava();
    // Fail fast, before starting any service, when a port is taken: a stray service from an earlier
    // run would otherwise answer for the one we start (and hold other data). Port 0: any free one.
    await assertPortFree(config.port, 'The local AppSync', ' (set PORT to another port)');
    await assertPortFree(config.cognitoPort, 'cognito-local', ' (set COGNITO_PORT to another port, or stop what holds it)');
    await assertPortFree(config.dynamoDbPort, 'DynamoDB Local', ' (set DYNAMODB_PORT to another port, or stop what holds it)');
    await assertPortFree(config.s3Port, 'The local S3 server', ' (set S3_PORT to another port, or stop what holds it)');
    await assertPortFree(config.eventBridgePort, 'The local EventBridge', ' (set EVENTBRIDGE_PORT to another port, or stop what holds it)');
    await assertPortFree(config.schedulerPort, 'The local Scheduler', ' (set SCHEDULER_PORT to another port, or stop what holds it)');
    await assertPortFree(config.snsPort, 'The local SNS', ' (set SNS_PORT to another port, or stop what holds it)');
    await assertPortFree(config.sesPort, 'aws-ses-v2-local', ' (set SES_PORT to another port, or stop what holds it)');
    // The three services start side by side (Java's start-up dominates).
    let cognitoDir = join(config.dataDir, 'cognito');
    if (config.inMemory) {
      cognitoDir = mkdtempSync(join(tmpdir(), 'taskwire-cognito-'));
      const dir = cognitoDir;
      stops.push(async () => rmSync(dir, { recursive: true, force: true }));
    }
    const dynamoDb = startDynamoDbLocal({ port: config.dynamoDbPort || undefined, dataDir: config.inMemory ? null : join(config.dataDir, 'dynamodb') });
    const services = Promise.allSettled([
      dynamoDb,
      startCognitoLocal({ dataDir: cognitoDir, port: config.cognitoPort }),
      startS3Local({
        dataDir: config.inMemory ? join(cognitoDir, 's3') : join(config.dataDir, 's3'),
        bucket: ATTACHMENTS_BUCKET,
        port: config.s3Port,
        credentials: [LOCAL_IAM_CREDENTIALS],
      }),
    ]);
    // Made now for the app being built below; its calls wait for DynamoDB Local's URL (its port may be
    // picked at start: services/ports.ts). None is made before the services are up.
    const dynamoDbUrl = dynamoDb.then((d) => d.endpoint);
    dynamoDbUrl.catch(() => undefined); // a failed start is reported through `services`
    const ddbClient = createLocalDynamoDbClient(dynamoDbUrl);
    stops.push(async () => ddbClient.destroy());
    const defs: FunctionDefs = opts.functions ?? manifestLambdas;
    const lambdas = createLambdaRunner({ region: config.region, accountId: LOCAL_ACCOUNT_ID, defs: defs as Record<string, LambdaDef> });
    // While Java starts, the resolvers are bundled (esbuild's service, off this thread), compiled and
    // wired into the app, and the engine's workers start. The app's authenticator and event sink need
    // the user pool and the event services, which come later: until then (before the API listens, so
    // before any request) the app holds them by reference.
    let authenticator: Authenticator | undefined;
    let eventSink: EventSink | undefined;
    const hub = createHub();
    const appBuilt = (opts.app?.bundles ? Promise.resolve(opts.app.bundles) : bundleResolversAsync()).then((bundles) => {
      const app = createLocalAppSync({
        authenticator: { authenticate: (req, ctx) => authenticator!.authenticate(req, ctx) },
        // The subscription hub: the app publishes each mutation to it, the real-time endpoint delivers from it.
        hub,
        dataSources: {
          dependencies: {
            dynamodb: { client: ddbClient, tableName: LOCAL_TABLE_NAME, tokenSecret: randomBytes(32) },
            lambdaHandler: (name) => lambdas.lazyHandler(name),
            // The EventBridge data source puts events on the local bus (rules deliver them to functions).
            eventSink: { putEvents: (entries) => eventSink!.putEvents(entries) },
          },
        },
        defaultAuthMode: DEFAULT_AUTH_MODE,
        limits: config.limits,
        env: { TABLE_NAME: LOCAL_TABLE_NAME },
        evaluateCodeAuth: { region: config.region, credentials: [LOCAL_IAM_CREDENTIALS] },
        schemaSource: opts.app?.schemaSource ?? schemaSource(),
        manifest: opts.app?.manifest ?? manifest,
        ...(opts.app?.limits ? { limits: opts.app.limits } : {}),
        bundles,
      });
      stops.push(() => app.close());
      return app;
    });
    // Whatever fails first, the app is stopped with the rest (catch below) once it exists.
    building = appBuilt.catch(() => undefined);
    const started = await services;
    for (const s of started) if (s.status === 'fulfilled') stops.push(s.value.stop);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const [ddb, cognito, s3] = started.map((s) => (s as PromiseFulfilledResult<unknown>).value) as [DynamoDbLocal, CognitoLocal, S3Local];
    for (const line of cognito.recovered) log(line);

    const [, pool] = await Promise.all([
      ensureTable(ddbClient, LOCAL_TABLE_NAME, TABLE_DEFINITION),
      ensureUserPool({
        endpoint: cognito.endpoint,
        users: config.demoUsers.map(({ username, email, password, displayName, groups }) => ({ username, email, password, displayName, groups })),
      }),
    ]);
    log(`DynamoDB Local   ${ddb.endpoint} (table ${LOCAL_TABLE_NAME}${config.inMemory ? ', in memory' : ''})`);
    log(`cognito-local    ${cognito.endpoint} (pool ${pool.userPoolId}, client ${pool.clientId})`);
    log(`S3 (s3rver)      ${s3.endpoint} (bucket ${s3.bucket})`);

    const lambdaEnv = {
      region: config.region,
      tableName: LOCAL_TABLE_NAME,
      dynamoDbEndpoint: ddb.endpoint,
      cognitoEndpoint: cognito.endpoint,
      userPoolId: pool.userPoolId,
      credentials: LOCAL_IAM_CREDENTIALS,
      s3Endpoint: s3.endpoint,
      attachmentsBucket: ATTACHMENTS_BUCKET,
    };
    // EventBridge rules, reminder and recurring schedules, SNS and SES, wired to the functions.
    const msPerMinute = opts.scheduleMsPerMinute;
    const events = await startEventServices({
      config,
      accountId: LOCAL_ACCOUNT_ID,
      defs,
      lambdas,
      tableName: LOCAL_TABLE_NAME,
      dynamoDb: { endpoint: ddb.endpoint, credentials: LOCAL_CREDENTIALS },
      credentials: LOCAL_IAM_CREDENTIALS,
      clock: opts.clock ?? (msPerMinute ? createAcceleratedClock(60_000 / msPerMinute) : undefined),
      schedulerPollMs: opts.schedulerPollMs ?? (msPerMinute && !opts.clock ? Math.max(5, Math.floor(msPerMinute / 4)) : undefined),
      log,
    });
    stops.push(events.stop);
    eventSink = events.sink;
    log(`EventBridge      ${events.eventBridge.endpoint} (bus ${events.env.eventBusName})`);
    log(`Scheduler        ${events.scheduler.endpoint} (group ${events.env.scheduleGroupName})`);
    log(`SNS              ${events.sns.endpoint} (topic ${events.env.topicArn})`);
    log(`SES (local)      ${events.ses.endpoint}`);
    const lambdaEnvWithEvents = { ...lambdaEnv, events: events.env };
    applyLambdaEnvironment(lambdaEnvWithEvents);
    const authorizer = AUTHORIZER ? lambdas.lazyHandler(AUTHORIZER) : undefined;
    authenticator = createAuthenticator({
      defaultMode: DEFAULT_AUTH_MODE,
      additionalModes: ADDITIONAL_AUTH_MODES.filter((m) => m !== 'AWS_LAMBDA' || authorizer),
      cognito: { issuer: pool.issuer, jwksUrl: pool.jwksUrl, clientIds: [pool.clientId] },
      ...(authorizer ? { lambda: { handler: authorizer, accountId: LOCAL_ACCOUNT_ID } } : {}),
      iam: { region: config.region, credentials: [LOCAL_IAM_CREDENTIALS] },
    });
    const app = await appBuilt;
    // The resolver engine's workers (docs/local-runtime.md) run before the first request comes.
    await app.ready();

    // The real-time endpoint: the same hub, authenticator, schema and field authorizer as the app; it
    // runs each subscription's resolver through the app.
    const realtime = createRealtimeServer({
      hub,
      authenticator,
      prepareSubscription: (input) => app.prepareSubscription(input),
      schema: app.schema,
      authorizer: app.authorizer,
    });

    const tls = ensureLocalCertificates(config.certDir);
    const server = await startServer({ app, tls: { key: tls.keyPem, cert: tls.certPem }, port: config.port, host: config.host, realtime });
    stops.push(server.close);
    stops.push(() => realtime.close());
    // Stopping runs in reverse: background Lambda work finishes first, while the API still answers it.
    stops.push(() => app.drain());
    let outputs: TaskwireOutputs | undefined;
    let webUrl: string | null = null;
    if (opts.web) {
      await assertPortFree(config.webPort, 'The web client', ' (set WEB_PORT to another port)');
      ensureClientBuild(log);
      const web = await startWebServer({ port: config.webPort, host: config.host, outputs: () => outputs });
      stops.push(web.close);
      webUrl = web.url;
    }
    // Email links point at the web client when it is served (WEB_URL).
    applyLambdaEnvironment({ ...lambdaEnvWithEvents, appSyncUrl: server.url, resources: webUrl ? { WEB_URL: webUrl } : {} });
    // Recurring background work (functions/manifest.ts `schedules`) as Scheduler schedules, as on AWS,
    // and the table's stream to its functions, now that the API they call answers.
    await events.ensureRecurringSchedules();
    await events.startDelivery();
    stops.push(() => events.drain());
    const base = `https://localhost:${server.port}`;
    const urls: RuntimeUrls = {
      graphql: server.url,
      realtime: `wss://localhost:${server.port}${REALTIME_PATH}`,
      evaluateCode: base,
      cognito: cognito.endpoint,
      dynamodb: ddb.endpoint,
      s3: s3.endpoint,
      eventBridge: events.eventBridge.endpoint,
      scheduler: events.scheduler.endpoint,
      sns: events.sns.endpoint,
      ses: events.ses.endpoint,
    };
    outputs = buildOutputs({
      region: config.region,
      graphqlUrl: urls.graphql,
      realtimeUrl: urls.realtime,
      evaluateCodeEndpoint: `${base}${EVALUATE_CODE_PATH}`,
      defaultAuthMode: DEFAULT_AUTH_MODE,
      additionalAuthModes: ADDITIONAL_AUTH_MODES,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.clientId,
      cognitoEndpoint: cognito.endpoint,
      dynamoDbEndpoint: ddb.endpoint,
      groups: ['Admins'],
      caCertificatePath: tls.caCertPath,
      webUrl,
      bucketName: ATTACHMENTS_BUCKET,
      s3Endpoint: s3.endpoint,
      eventEndpoints: {
        eventbridge: events.eventBridge.endpoint,
        scheduler: events.scheduler.endpoint,
        sns: events.sns.endpoint,
        sesv2: events.ses.endpoint,
        sesWeb: events.ses.webUrl,
        snsMessages: `${events.sns.endpoint}/messages`,
        eventBridgeEvents: `${events.eventBridge.endpoint}/events`,
      },
      demoUsers: config.demoUsers.map((u) => ({ username: u.email, password: u.password, groups: u.groups })),
      iamCredentials: LOCAL_IAM_CREDENTIALS,
    });
    if (opts.writeOutputsFile) writeOutputs(config.outputsPath, outputs);
    const runtime: LocalRuntime = {
      app,
      server,
      realtime,
      urls,
      pool,
      caCertPem: tls.caCertPem,
      caCertPath: tls.caCertPath,
      outputs: outputs!,
      demoUsers: config.demoUsers,
      lambdas,
      events,
      stop: stopAll,
    };
    if (config.seed && opts.seed) await opts.seed(runtime);
    return runtime;
  } catch (err) {
    await building;
    await stopAll();
    throw err;
  }
}

/**
 * A runtime that leaves nothing behind, for tests and benchmarks: any free ports (port 0: each
 * server takes the one the OS gives as it binds; DynamoDB Local retries another port if its pick was
 * taken meanwhile, so runtimes started side by side never clash), in-memory DynamoDB, a
 * temporary data folder (removed by `stop()`), no outputs file. The local CA comes from
 * TASKWIRE_CERT_DIR when set (the test run's shared CA), else from the temporary folder.
 *
 * With `dataDir`, the runtime keeps its data there instead (DynamoDB, Cognito, S3, the Scheduler's
 * schedules, stream checkpoints), and `stop()` leaves the folder: a second runtime on the same folder
 * is a restart (tests of what survives one). The caller removes the folder.
 */
export async function startThrowawayRuntime(opts: StartOptions & { dataDir?: string } = {}): Promise<LocalRuntime> {
  const kept = opts.dataDir;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'taskwire-runtime-'));
  const removeDataDir = () => {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const flags = [...(kept ? [] : ['--in-memory']), ...(opts.seed ? [] : ['--no-seed'])];
    const config = {
      ...parseConfig(flags, {
        TASKWIRE_DATA_DIR: dataDir,
        ...(process.env.TASKWIRE_CERT_DIR ? { TASKWIRE_CERT_DIR: process.env.TASKWIRE_CERT_DIR } : {}),
      }),
      port: 0, cognitoPort: 0, dynamoDbPort: 0, s3Port: 0, webPort: 0, eventBridgePort: 0, schedulerPort: 0, snsPort: 0, sesPort: 0,
    };
    const runtime = await startLocalRuntime(config, { ...opts, writeOutputsFile: false });
    const stop = runtime.stop;
    return Object.assign(runtime, {
      async stop() {
        await stop();
        removeDataDir();
      },
    });
  } catch (err) {
    removeDataDir();
    throw err;
  }
}

/** A demo user's access token (what Amplify sends), signed in against the runtime's cognito-local. */
export async function demoToken(runtime: LocalRuntime, email: string, kind: 'accessToken' | 'idToken' = 'accessToken'): Promise<string> {
  const user = runtime.demoUsers.find((u) => u.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  return (await signIn(runtime.urls.cognito, runtime.pool.clientId, email, user.password))[kind];
}

/** `tsx local/start.ts` still works: the CLI is local/main.ts (what `npm start` runs). */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void import('./main.ts').then((cli) => cli.main());

export { LOCAL_REGION };
