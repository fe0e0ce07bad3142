/**
 * A small API for the executor tests: a schema using AppSync's directives and scalars, and resolvers
 * written here in APPSYNC_JS, run by the real engine against the real NONE and DynamoDB data sources.
 */
import { APPSYNC_PRELUDE } from '../../../src/appsync/prelude.ts';
import { createLocalAppSync, type LocalAppSync, type LocalAppSyncConfig } from '../../../src/appsync/app.ts';
import { createDynamoDbDataSource, createNoneDataSource } from '../../../src/appsync/datasources/index.ts';
import { unauthorized } from '../../../src/appsync/auth/errors.ts';
import type { AuthResult, CognitoIdentity, MutationPublication, InvalidationRequest } from '../../../src/appsync/types.ts';
import type { DynamoDbFixture } from '../../support/dynamodb.ts';
import { bundlesFromCode } from '../../support/bundles.ts';

export const SCHEMA = `${APPSYNC_PRELUDE}
schema { query: Query mutation: Mutation subscription: Subscription }

type Item @aws_cognito_user_pools @aws_lambda {
  id: ID!
  name: String
  "Only IAM callers may read it (the field's directive replaces the type's)."
  secret: String @aws_iam
  child: Item
  when: AWSDateTime
}

type Query {
  echo(value: String): String
  item(id: ID!, name: String): Item @aws_cognito_user_pools @aws_lambda @aws_iam
  items(count: Int!): [Item] @aws_cognito_user_pools
  pipeline(start: String): AWSJSON
  early(value: String): String
  fail(kind: String!): Item
  append: String
  dsError(reRaise: Boolean): String
  crash: String
  adminOnly: String @aws_cognito_user_pools(cognito_groups: ["Admins"])
  iamOnly: String @aws_iam
  scalars(date: AWSDate, time: AWSTime, dateTime: AWSDateTime, timestamp: AWSTimestamp, email: AWSEmail,
    json: AWSJSON, url: AWSURL, phone: AWSPhone, ip: AWSIPAddress): AWSJSON
  badOutput(value: String!): AWSDateTime
  context(n: Int): AWSJSON @aws_cognito_user_pools @aws_lambda @aws_iam
}

type Mutation {
  setName(id: ID!, name: String!): Item
  invalidate(id: ID!): String
}

type Subscription {
  onSetName(id: ID): Item @aws_subscribe(mutations: ["setName"])
}
`;

const ECHO_ARGS = `export function request(ctx) { return { payload: ctx.args }; }
export function response(ctx) { return ctx.result; }`;

export const RESOLVERS: Record<string, string> = {
  'Query.echo': `export function request(ctx) { return { payload: ctx.args.value }; }
export function response(ctx) { return ctx.result; }`,
  'Query.item': `export function request(ctx) { return { payload: { id: ctx.args.id, name: ctx.args.name ?? 'item ' + ctx.args.id, secret: 's3cret', when: '2024-05-01T10:00:00Z' } }; }
export function response(ctx) { return ctx.result; }`,
  'Query.items': `export function request(ctx) { if (ctx.args.count === 99) { return { payload: [{ name: 'no id' }] }; } const out = []; for (const i of [1,2,3,4,5,6,7,8,9,10].slice(0, ctx.args.count)) { out.push({ id: 'i' + i }); } return { payload: out }; }
export function response(ctx) { return ctx.result; }`,
  'Item.child': `export function request(ctx) { return { payload: { id: ctx.source.id + '/c', name: 'child of ' + ctx.source.id } }; }
export function response(ctx) { return ctx.result; }`,
  // Pipeline: the resolver's request seeds the stash; step1 uses prev.result; step2 returns early
  // without options (AppSync: the next function runs); step3 passes prev.result on.
  'Query.pipeline': `export function request(ctx) { ctx.stash.trail = ['before']; return { start: ctx.args.start }; }
export function response(ctx) { ctx.stash.trail.push('after'); return { prev: ctx.prev.result, trail: ctx.stash.trail }; }`,
  'Query.early': `import { runtime } from '@aws-appsync/utils';
export function request(ctx) { runtime.earlyReturn('early:' + ctx.args.value); return { payload: 'not used' }; }
export function response(ctx) { return 'response ran'; }`,
  'Query.fail': `import { util } from '@aws-appsync/utils';
export function request(ctx) { return { payload: null }; }
export function response(ctx) {
  if (ctx.args.kind === 'error') util.error('Task was changed', 'ConflictError', { id: 't1', name: 'n', secret: 'dropped by the selection' }, { expected: 3 });
  if (ctx.args.kind === 'unauthorized') util.unauthorized();
  if (ctx.args.kind === 'nonstring') util.error(42);
  return { id: 'ok' };
}`,
  'Query.append': `import { util } from '@aws-appsync/utils';
export function request(ctx) { return { payload: 'partial' }; }
export function response(ctx) { util.appendError('Something was skipped', 'PartialResult', null, { skipped: 2 }); return ctx.result; }`,
  'Query.dsError': `import { util } from '@aws-appsync/utils';
export function request(ctx) { return { operation: 'GetItem', key: util.dynamodb.toMapValues({ wrong: 'key' }) }; }
export function response(ctx) {
  if (ctx.error && ctx.args.reRaise) util.error(ctx.error.message, ctx.error.type);
  return ctx.error ? 'swallowed' : 'no error';
}`,
  'Query.crash': `export function request(ctx) { return { payload: ctx.args.missing.deeper }; }
export function response(ctx) { return ctx.result; }`,
  'Query.adminOnly': `export function request(ctx) { return { payload: 'admin' }; }
export function response(ctx) { return ctx.result; }`,
  'Query.iamOnly': `export function request(ctx) { return { payload: 'iam' }; }
export function response(ctx) { return ctx.result; }`,
  'Query.scalars': ECHO_ARGS,
  'Query.badOutput': `export function request(ctx) { return { payload: ctx.args.value }; }
export function response(ctx) { return ctx.result; }`,
  'Query.context': `export function request(ctx) { return { payload: null }; }
export function response(ctx) {
  return { arguments: ctx.arguments, args: ctx.args, source: ctx.source, identity: ctx.identity, stash: ctx.stash,
    info: ctx.info, selectionSetList: ctx.info.selectionSetList, selectionSetGraphQL: ctx.info.selectionSetGraphQL,
    headers: ctx.request.headers, domainName: ctx.request.domainName, env: ctx.env };
}`,
  'Mutation.setName': `export function request(ctx) { return { payload: { id: ctx.args.id, name: ctx.args.name, secret: 'never selected', when: '2024-05-01T10:00:00Z' } }; }
export function response(ctx) { return ctx.result; }`,
  'Mutation.invalidate': `import { extensions } from '@aws-appsync/utils';
export function request(ctx) { return { payload: 'done' }; }
export function response(ctx) {
  for (const n of [1, 2, 3, 4, 5, 6, 7]) { extensions.invalidateSubscriptions({ subscriptionField: 'onSetName', payload: { id: ctx.args.id + n } }); }
  return ctx.result;
}`,
  'Subscription.onSetName': `import { util, extensions } from '@aws-appsync/utils';
export function request(ctx) { return { payload: null }; }
export function response(ctx) {
  if (ctx.args.id === 'forbidden') util.unauthorized();
  if (ctx.args.id) extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ id: { eq: ctx.args.id } }));
  return null;
}`,
};

export const FUNCTIONS: Record<string, string> = {
  step1: `export function request(ctx) { ctx.stash.trail.push('step1:' + ctx.prev.result.start); return { payload: { got: ctx.prev.result } }; }
export function response(ctx) { return { step1: ctx.result.got.start }; }`,
  step2: `import { runtime } from '@aws-appsync/utils';
export function request(ctx) { ctx.stash.trail.push('step2'); runtime.earlyReturn({ skipped: true, kept: ctx.prev.result }); return {}; }
export function response(ctx) { ctx.stash.trail.push('step2 response must not run'); return ctx.result; }`,
  // Runs after step2's earlyReturn without options: in a function's request that skips only that function.
  step3: `export function request(ctx) { ctx.stash.trail.push('step3'); return { payload: ctx.prev.result }; }
export function response(ctx) { return ctx.result; }`,
};

const UNIT = (dataSource: string) => ({ kind: 'UNIT' as const, file: 'test', dataSource });

export const MANIFEST: LocalAppSyncConfig['manifest'] = {
  dataSources: { none: { type: 'NONE' }, table: { type: 'AMAZON_DYNAMODB' } },
  functions: { step1: { file: 'step1', dataSource: 'none' }, step2: { file: 'step2', dataSource: 'none' }, step3: { file: 'step3', dataSource: 'none' } },
  resolvers: {
    ...Object.fromEntries(Object.keys(RESOLVERS).map((field) => [field, UNIT('none')])),
    'Query.dsError': UNIT('table'),
    'Query.pipeline': { kind: 'PIPELINE', file: 'test', functions: ['step1', 'step2', 'step3'] },
  },
};

export interface Recorded {
  published: MutationPublication[];
  invalidated: InvalidationRequest[];
}

export const TEST_APP = {
  schemaSource: SCHEMA,
  manifest: MANIFEST,
  bundles: bundlesFromCode(RESOLVERS, FUNCTIONS),
};

export function buildTestApp(db: DynamoDbFixture, overrides: Partial<LocalAppSyncConfig> = {}): { app: LocalAppSync; recorded: Recorded } {
  const recorded: Recorded = { published: [], invalidated: [] };
  const app = createLocalAppSync({
    ...TEST_APP,
    dataSources: {
      none: createNoneDataSource(),
      table: createDynamoDbDataSource({ client: db.client, tableName: db.tableName, tokenSecret: 'test-secret' }),
    },
    // These tests hand the executor identities directly (app.execute); HTTP auth has its own tests.
    authenticator: { authenticate: async () => Promise.reject(unauthorized()) },
    env: { STAGE: 'test' },
    hub: { publish: (p) => recorded.published.push(p), invalidate: (r) => recorded.invalidated.push(r) },
    ...overrides,
  });
  return { app, recorded };
}

export const cognitoUser = (groups: string[] | null = null): AuthResult => {
  const identity: CognitoIdentity = {
    sub: 'user-1',
    issuer: 'http://localhost:9229/local_pool',
    username: 'alice',
    claims: { sub: 'user-1', 'cognito:username': 'alice' },
    sourceIp: ['127.0.0.1'],
    groups,
    defaultAuthStrategy: 'ALLOW',
  };
  return { mode: 'AMAZON_COGNITO_USER_POOLS', identity };
};

export const iamCaller: AuthResult = {
  mode: 'AWS_IAM',
  identity: {
    accountId: '000000000000',
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp: ['127.0.0.1'],
    username: 'AIDALOCAL',
    userArn: 'arn:aws:iam::000000000000:user/local',
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  },
};

export const lambdaCaller = (deniedFields: string[] = []): AuthResult => ({
  mode: 'AWS_LAMBDA',
  identity: { resolverContext: { projectId: 'p1' } },
  deniedFields,
});
