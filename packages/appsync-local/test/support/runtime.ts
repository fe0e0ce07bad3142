/**
 * A fully running local AppSync for one test file, assembled from the package's parts as any project
 * would assemble it: DynamoDB Local (in memory) with the test table, cognito-local with a user pool and
 * the fixture's users (their profiles written to the table), and the app served over TLS on a random
 * port with the real-time endpoint. Auth: Cognito user pools (default) and AWS_IAM.
 *
 *   const rt = useLocalRuntime();                       // top level of a test file: the tracker fixture
 *   it('...', async () => { const token = await rt.token('max@taskwire.local'); await rt.post({ query }, token); });
 *
 * Pass `app` to swap the schema/resolvers (another fixture, e.g. test resolvers from `bundlesFromCode`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { START_TIMEOUT_MS } from './timeouts.ts';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { decodeJwt } from 'jose';
import { createLocalAppSync, type LocalAppSync, type LocalAppSyncConfig } from '../../src/appsync/app.ts';
import { createAuthenticator } from '../../src/appsync/auth/index.ts';
import { createDataSources } from '../../src/appsync/datasources/index.ts';
import { createHub, createRealtimeServer, type RealtimeServer } from '../../src/appsync/realtime/index.ts';
import { startServer, EVALUATE_CODE_PATH, REALTIME_PATH, type RunningServer } from '../../src/appsync/server.ts';
import { ensureUserPool, signIn, startCognitoLocal, type DemoUser, type UserPoolInfo } from '../../src/services/cognito-local.ts';
import { createLocalDynamoDbClient, ensureTable, LOCAL_REGION, startDynamoDbLocal } from '../../src/services/dynamodb-local.ts';
import { ensureLocalCertificates } from '../../src/services/tls.ts';
import { TRACKER_APP, TRACKER_USERS } from '../fixtures/tracker.ts';
import { TEST_TABLE, TEST_TABLE_NAME } from './dynamodb.ts';
import { httpsRequests, type HttpsRequests } from './https.ts';

/** The credentials IAM callers (and EvaluateCode) sign with. Not a secret: the runtime listens on localhost. */
export const TEST_IAM_CREDENTIALS = {
  accessKeyId: 'AKIAAPPSYNCLOCALTEST',
  secretAccessKey: 'appsync-local-test-secret-access-key',
  accountId: '000000000000',
  userArn: 'arn:aws:sts::000000000000:assumed-role/test-functions/local',
};

export type AppParts = Pick<LocalAppSyncConfig, 'schemaSource' | 'manifest' | 'bundles'> & Partial<Pick<LocalAppSyncConfig, 'limits'>>;

export interface TestRuntime {
  app: LocalAppSync;
  server: RunningServer;
  realtime: RealtimeServer;
  urls: { graphql: string; realtime: string; evaluateCode: string; cognito: string; dynamodb: string };
  pool: UserPoolInfo;
  caCertPem: string;
  users: DemoUser[];
  /** What IAM callers sign with (the AWS SDK's `credentials`). */
  iamCredentials: { accessKeyId: string; secretAccessKey: string };
}

/** `fetch` and `post` (https.ts) over TLS to the runtime. */
export interface RuntimeFixture extends HttpsRequests {
  runtime: TestRuntime;
  /** An HTTPS agent trusting the runtime's CA. */
  agent: Agent;
  /** A user's access token (what Amplify v6 sends), signed in against cognito-local. */
  token(email: string, kind?: 'accessToken' | 'idToken'): Promise<string>;
}

/** Starts the runtime; `stop` undoes everything it started. */
export async function startTestRuntime(opts: { app?: AppParts; users?: DemoUser[] } = {}): Promise<TestRuntime & { stop(): Promise<void> }> {
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await Promise.resolve(s()).catch(() => undefined);
  };
  try {
    const dir = mkdtempSync(join(tmpdir(), 'appsync-local-runtime-'));
    stops.push(() => rmSync(dir, { recursive: true, force: true }));
    const users = opts.users ?? TRACKER_USERS;
    // One after the other: on a busy 2-core machine, Java's start-up starves cognito-local's.
    const cognito = await startCognitoLocal({ dataDir: join(dir, 'cognito') });
    stops.push(cognito.stop);
    const ddb = await startDynamoDbLocal({ dataDir: null });
    stops.push(ddb.stop);
    const client = createLocalDynamoDbClient(ddb.endpoint);
    stops.push(() => client.destroy());
    const [, pool] = await Promise.all([ensureTable(client, TEST_TABLE_NAME, TEST_TABLE), ensureUserPool({ endpoint: cognito.endpoint, users })]);
    // Each user's profile, keyed by the `sub` cognito-local gave them (the tracker's `me` reads it).
    for (const u of users) {
      const { sub } = decodeJwt((await signIn(pool.endpoint, pool.clientId, u.email, u.password)).accessToken) as { sub: string };
      await client.send(new PutItemCommand({
        TableName: TEST_TABLE_NAME,
        Item: { PK: { S: `USER#${sub}` }, SK: { S: 'PROFILE' }, id: { S: sub }, email: { S: u.email }, displayName: { S: u.displayName ?? u.username } },
      }));
    }

    const app = opts.app ?? TRACKER_APP;
    const authenticator = createAuthenticator({
      defaultMode: 'AMAZON_COGNITO_USER_POOLS',
      additionalModes: ['AWS_IAM'],
      cognito: { issuer: pool.issuer, jwksUrl: pool.jwksUrl, clientIds: [pool.clientId] },
      iam: { region: LOCAL_REGION, credentials: [TEST_IAM_CREDENTIALS] },
    });
    // The hub first: the app publishes each mutation to it, the real-time server delivers from it.
    const hub = createHub();
    const local = createLocalAppSync({
      ...app,
      authenticator,
      hub,
      dataSources: createDataSources(
        { none: { type: 'NONE' }, table: { type: 'AMAZON_DYNAMODB' } },
        { dynamodb: { client, tableName: TEST_TABLE_NAME, tokenSecret: 'test-token-secret' } },
      ),
      env: { TABLE_NAME: TEST_TABLE_NAME },
      evaluateCodeAuth: { region: LOCAL_REGION, credentials: [TEST_IAM_CREDENTIALS] },
    });
    stops.push(() => local.close());
    await local.ready();
    const realtime = createRealtimeServer({
      hub,
      authenticator,
      prepareSubscription: (input) => local.prepareSubscription(input),
      schema: local.schema,
      authorizer: local.authorizer,
    });
    stops.push(() => realtime.close());
    const tls = ensureLocalCertificates(join(dir, 'certs'));
    const server = await startServer({ app: local, tls: { key: tls.keyPem, cert: tls.certPem }, port: 0, realtime });
    stops.push(server.close);
    return {
      app: local,
      server,
      realtime,
      urls: {
        graphql: server.url,
        realtime: `wss://localhost:${server.port}${REALTIME_PATH}`,
        evaluateCode: `https://localhost:${server.port}`,
        cognito: cognito.endpoint,
        dynamodb: ddb.endpoint,
      },
      pool,
      caCertPem: tls.caCertPem,
      users,
      iamCredentials: { accessKeyId: TEST_IAM_CREDENTIALS.accessKeyId, secretAccessKey: TEST_IAM_CREDENTIALS.secretAccessKey },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export { EVALUATE_CODE_PATH };

export function useLocalRuntime(opts: { app?: AppParts } = {}): RuntimeFixture {
  const fixture = {} as RuntimeFixture;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const runtime = await startTestRuntime(opts);
    stop = runtime.stop;
    const agent = new Agent({ ca: runtime.caCertPem, keepAlive: false });
    const tokens = new Map<string, string>();
    Object.assign(fixture, {
      runtime,
      agent,
      async token(email: string, kind: 'accessToken' | 'idToken' = 'accessToken') {
        const key = `${email}:${kind}`;
        if (!tokens.has(key)) {
          const user = runtime.users.find((u) => u.email === email);
          if (!user) throw new Error(`no test user ${email}`);
          tokens.set(key, (await signIn(runtime.urls.cognito, runtime.pool.clientId, email, user.password))[kind]);
        }
        return tokens.get(key)!;
      },
      ...httpsRequests(runtime.server.port, agent),
    });
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    fixture.agent?.destroy();
    await stop?.();
  });
  return fixture;
}
