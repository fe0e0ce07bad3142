/**
 * A small API served by the real local runtime: the executor and APPSYNC_JS engine (app.ts), the
 * HTTPS listener with the local CA's certificate (server.ts), the real authenticator (auth/) and the
 * real-time endpoint (realtime/). Its resolvers are APPSYNC_JS on a NONE data source, so it needs no
 * database: the fan-out benchmark and the aws-amplify client tests use it until the Taskwire runtime
 * (test/support/runtime.ts) composes the same parts with the domain resolvers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalAppSync, type LocalAppSync, type ResolverManifest } from '../../local/appsync/app.ts';
import { createAuthenticator, type AuthenticatorConfig } from '../../local/appsync/auth/index.ts';
import { createNoneDataSource } from '../../local/appsync/datasources/index.ts';
import { createFieldAuthorizer } from '../../local/appsync/graphql/authz.ts';
import { createRealtimeServer, type RealtimeOptions, type RealtimeServer } from '../../local/appsync/realtime/index.ts';
import { startServer, type RunningServer } from '../../local/appsync/server.ts';
import { ensureLocalCertificates } from '../../local/services/tls.ts';
import type { BundleSet } from '../../scripts/lib/bundle-resolvers.ts';

const PRELUDE = readFileSync(new URL('../../schema/appsync-prelude.graphql', import.meta.url), 'utf8');

export const STACK_SCHEMA = `
type Item @aws_cognito_user_pools @aws_api_key @aws_iam {
  id: ID!
  projectId: ID!
  title: String
  status: String
  version: Int!
  updatedAt: AWSDateTime!
}
type Notice @aws_cognito_user_pools @aws_iam {
  id: ID!
  userId: ID!
  title: String!
}
type Query { ping: String @aws_cognito_user_pools @aws_api_key }
type Mutation {
  putItem(projectId: ID!, id: ID!, title: String, status: String): Item @aws_cognito_user_pools @aws_api_key
  publishNotice(userId: ID!, title: String!): Notice @aws_iam
}
type Subscription {
  "Members only (MEMBERS: comma-separated projectId:username); filtered on the project."
  onItem(projectId: ID!): Item @aws_subscribe(mutations: ["putItem"]) @aws_cognito_user_pools @aws_api_key
  "Enhanced filter: the project, and only these statuses."
  onItemDone(projectId: ID!): Item @aws_subscribe(mutations: ["putItem"]) @aws_cognito_user_pools @aws_api_key
  onNotice(userId: ID!): Notice @aws_subscribe(mutations: ["publishNotice"]) @aws_cognito_user_pools
}
`;

const RESOLVERS: Record<string, string> = {
  'Mutation.putItem': `import { util } from '@aws-appsync/utils';
export function request(ctx) {
  return { payload: Object.assign({}, ctx.args, { version: 1, updatedAt: util.time.nowISO8601() }) };
}
export function response(ctx) { return ctx.result; }`,
  'Mutation.publishNotice': `import { util } from '@aws-appsync/utils';
export function request(ctx) { return { payload: { id: util.autoId(), userId: ctx.args.userId, title: ctx.args.title } }; }
export function response(ctx) { return ctx.result; }`,
  'Subscription.onItem': `import { util, extensions } from '@aws-appsync/utils';
export function request(ctx) { return { payload: null }; }
export function response(ctx) {
  const who = ctx.identity && ctx.identity.username;
  const members = (ctx.env.MEMBERS || '').split(',');
  if (who && members.indexOf(ctx.args.projectId + ':' + who) < 0) { util.unauthorized(); }
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ projectId: { eq: ctx.args.projectId } }));
  extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ projectId: { eq: ctx.args.projectId }, username: { eq: who || '' } }));
  return null;
}`,
  'Subscription.onItemDone': `import { util, extensions } from '@aws-appsync/utils';
export function request(ctx) { return { payload: null }; }
export function response(ctx) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ projectId: { eq: ctx.args.projectId }, status: { in: ['DONE', 'IN_REVIEW'] } }));
  return null;
}`,
  'Subscription.onNotice': `import { util } from '@aws-appsync/utils';
export function request(ctx) { return { payload: null }; }
export function response(ctx) {
  if (!ctx.identity || ctx.identity.sub !== ctx.args.userId) { util.unauthorized(); }
  return null;
}`,
};

export interface Stack {
  url: string;
  caPem: string;
  app: LocalAppSync;
  realtime: RealtimeServer;
  server: RunningServer;
  close(): Promise<void>;
}

export async function startStack(opts: {
  auth: AuthenticatorConfig;
  env?: Record<string, string>;
  realtime?: Partial<RealtimeOptions>;
}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'taskwire-rt-'));
  const certs = ensureLocalCertificates(dir);
  const authenticator = createAuthenticator(opts.auth);
  const manifest: ResolverManifest = {
    functions: {},
    resolvers: Object.fromEntries(Object.keys(RESOLVERS).map((f) => [f, { kind: 'UNIT', file: `${f}.js`, dataSource: 'none' }])),
  };
  const bundles: BundleSet = {
    functions: new Map(),
    resolvers: new Map(Object.entries(RESOLVERS).map(([name, code]) => [name, { name, kind: 'resolver', sourceFile: `${name}.js`, code }])),
  };
  const app = createLocalAppSync({
    authenticator: authenticator as never,
    dataSources: { none: createNoneDataSource() },
    manifest,
    bundles,
    schemaSource: PRELUDE + STACK_SCHEMA,
    defaultAuthMode: opts.auth.defaultMode,
    env: opts.env ?? {},
  });
  const realtime = createRealtimeServer({
    authenticate: (req) => authenticator.authenticate(req),
    prepareSubscription: (input) => app.prepareSubscription(input),
    schema: app.schema,
    authorizer: createFieldAuthorizer(app.schema, opts.auth.defaultMode),
    ...opts.realtime,
  });
  app.setSubscriptionHub(realtime.hub);
  const server = await startServer({ app, tls: { key: certs.keyPem, cert: certs.certPem }, port: 0, realtime });
  return {
    url: server.url,
    caPem: certs.caCertPem,
    app,
    realtime,
    server,
    async close() {
      await realtime.close();
      await server.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
