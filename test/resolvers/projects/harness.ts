/**
 * The projects domain (projects, members, profiles, tokens, notifications) through the real local
 * AppSync, in-process: the esbuild bundles of resolvers/manifest.ts, a fresh DynamoDB Local, a fresh cognito-local with real users and tokens, the
 * real Lambda handlers of functions/ (members, tokens, and the authorizer behind AWS_LAMBDA auth).
 * Requests go through app.graphql (HTTP shape, Authorization header) so auth is the real thing;
 * IAM callers (Taskwire's own functions) use app.execute with an IAM identity.
 *
 *   const core = useCoreApp();                       // top level of a test file: registers hooks
 *   await core.as('alice', QUERY, vars)              // a Cognito user of USERS (access token)
 *   await core.withToken(bearer, QUERY, vars)        // an integration token (Lambda authorizer)
 *   await core.asSystem(QUERY, vars)                 // IAM
 */
import { afterAll, beforeAll } from 'vitest';
import type { LocalAppSync } from '../../../packages/appsync-local/src/appsync/app.ts';
import { createAuthenticator } from '../../../packages/appsync-local/src/appsync/auth/index.ts';
import { createLambdaDataSource } from '../../../packages/appsync-local/src/appsync/datasources/index.ts';
import type { AuthResult } from '../../../packages/appsync-local/src/appsync/types.ts';
import type { DemoUser } from '../../../packages/appsync-local/src/services/cognito-local.ts';
import { handler as authorizer } from '../../../functions/authorizer/handler.ts';
import { handler as members } from '../../../functions/members/handler.ts';
import { handler as tokens } from '../../../functions/tokens/handler.ts';
import { resetClients } from '../../../functions/lib/clients.ts';
import { manifestApp } from '../../support/app.ts';
import { startTestCognito, type TestCognito } from '../../support/cognito.ts';
import { useDynamoDbTable, type DynamoDbFixture } from '../../support/dynamodb.ts';
import { START_TIMEOUT_MS } from '../../support/timeouts.ts';

export const USERS = {
  root: { username: 'root', email: 'root@taskwire.test', password: 'Root-pass-1', displayName: 'Rae Root', groups: ['Admins'] },
  alice: { username: 'alice', email: 'alice@taskwire.test', password: 'Alice-pass-1', displayName: 'Alice Admin', groups: [] },
  bob: { username: 'bob', email: 'bob@taskwire.test', password: 'Bob-pass-1', displayName: 'Bob Viewer', groups: [] },
  carol: { username: 'carol', email: 'carol@taskwire.test', password: 'Carol-pass-1', displayName: 'Carol Member', groups: [] },
  nora: { username: 'nora', email: 'nora@taskwire.test', password: 'Nora-pass-1', displayName: 'Nora Nobody', groups: [] },
} satisfies Record<string, DemoUser>;
export type UserName = keyof typeof USERS;

export interface GqlError {
  message: string;
  errorType: string | null;
  errorInfo: any;
}
export interface GqlResult {
  data: Record<string, any> | null;
  errors?: GqlError[];
  status: number;
}

export interface CoreApp {
  db: DynamoDbFixture;
  cognito: TestCognito;
  app: LocalAppSync;
  /** Cognito `sub` of each user. */
  sub: Record<UserName, string>;
  accessToken: Record<UserName, string>;
  idToken: Record<UserName, string>;
  as(user: UserName, query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
  withToken(token: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
  asSystem(query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
  raw(authorization: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
}

const SYSTEM: AuthResult = {
  mode: 'AWS_IAM',
  identity: {
    accountId: '000000000000',
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp: ['127.0.0.1'],
    username: 'notify',
    userArn: 'arn:aws:sts::000000000000:assumed-role/taskwire-notify/notify',
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  },
};

function subOf(jwt: string): string {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')).sub as string;
}

/** Sets the environment the Lambda handlers read (as CDK or the local runtime would). */
function lambdaEnv(db: DynamoDbFixture, cognito: TestCognito): void {
  Object.assign(process.env, {
    TABLE_NAME: db.tableName,
    USER_POOL_ID: cognito.userPoolId,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
  });
  resetClients();
}

export function useCoreApp(): CoreApp {
  const db = useDynamoDbTable();
  const core = { db, sub: {}, accessToken: {}, idToken: {} } as CoreApp;

  beforeAll(async () => {
    core.cognito = await startTestCognito({ users: Object.values(USERS) });
    lambdaEnv(db, core.cognito);
    core.app = manifestApp(db, {
      tokenSecret: 'core-tests',
      authenticator: createAuthenticator({
        defaultMode: 'AMAZON_COGNITO_USER_POOLS',
        additionalModes: ['AWS_LAMBDA'],
        cognito: { issuer: core.cognito.issuer, jwksUrl: core.cognito.jwksUrl, clientIds: [core.cognito.clientId] },
        lambda: { handler: authorizer as never },
      }),
      lambdas: {
        membersFn: createLambdaDataSource({ name: 'members', handler: members as never }),
        tokensFn: createLambdaDataSource({ name: 'tokens', handler: tokens as never }),
      },
    });
    for (const name of Object.keys(USERS) as UserName[]) {
      const t = await core.cognito.signIn(USERS[name]);
      core.accessToken[name] = t.accessToken;
      core.idToken[name] = t.idToken;
      core.sub[name] = subOf(t.accessToken);
    }
    core.raw = async (authorization, query, variables = {}) => {
      const res = await core.app.graphql({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query, variables }),
        remoteAddress: '127.0.0.1',
      });
      return { ...(JSON.parse(res.body) as Omit<GqlResult, 'status'>), status: res.statusCode };
    };
    core.as = (user, query, variables) => core.raw(core.accessToken[user], query, variables);
    core.withToken = (token, query, variables) => core.raw(token, query, variables);
    core.asSystem = async (query, variables = {}) => {
      const r = (await core.app.execute({ query, variables, auth: SYSTEM, headers: {} })) as unknown as GqlResult;
      return { ...r, status: 200 };
    };
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    resetClients();
    await core.app?.close();
    await core.cognito?.stop();
  });
  return core;
}

/** The data of a successful result (fails the test with the errors otherwise). */
export function ok(r: GqlResult): Record<string, any> {
  if (r.errors?.length || !r.data) throw new Error(`expected success, got ${r.status}: ${JSON.stringify(r.errors ?? r)}`);
  return r.data;
}

/** The single error of a failed result. */
export function err(r: GqlResult): GqlError {
  if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
  return r.errors[0]!;
}
