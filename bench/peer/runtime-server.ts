/**
 * (c) The local AppSync runtime serving the peer field: the APPSYNC_JS resolver of fixture.ts on a
 * DynamoDB data source, API_KEY as the default (and only) auth mode, over plain HTTP like the floor
 * and the simulator. Run by bench/peer.ts in its own process (its resolver workers are its children):
 *   PEER_DDB=<endpoint> PEER_TABLE=<table> PEER_API_KEY=<key> node --import tsx bench/peer/runtime-server.ts
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createAuthenticator, createDataSources, createLocalAppSync, createLocalDynamoDbClient, PRELUDE_PATH, startServer } from './appsync-local.ts';
import { JS_RESOLVER, PEER_SCHEMA } from './fixture.ts';

// The client the runtime's launcher gives its DynamoDB data source.
const client = createLocalDynamoDbClient(process.env.PEER_DDB!);
const tableName = process.env.PEER_TABLE!;
const apiKey = process.env.PEER_API_KEY!;

const authenticator = createAuthenticator({
  defaultMode: 'API_KEY',
  additionalModes: [],
  apiKeys: [{ id: apiKey, expires: Math.floor(Date.now() / 1000) + 7 * 24 * 3600 }],
});
const dataSources = createDataSources({ table: { type: 'AMAZON_DYNAMODB' } }, { dynamodb: { client, tableName, tokenSecret: randomBytes(32) } });
const app = createLocalAppSync({
  authenticator,
  dataSources,
  schemaSource: `${readFileSync(PRELUDE_PATH, 'utf8')}\n${PEER_SCHEMA}`,
  manifest: {
    dataSources: { table: { type: 'AMAZON_DYNAMODB' } },
    functions: {},
    resolvers: { 'Query.task': { kind: 'UNIT', file: 'peer/task.js', dataSource: 'table' } },
  },
  bundles: {
    resolvers: new Map([['Query.task', { name: 'Query.task', kind: 'resolver', sourceFile: 'peer/task.js', code: JS_RESOLVER }]]),
    functions: new Map(),
  },
  defaultAuthMode: 'API_KEY',
});
await app.ready();
const server = await startServer({ app, tls: null, port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ url: `http://127.0.0.1:${server.port}/graphql`, pid: process.pid }));
// A clean exit on SIGTERM (bench/peer.ts stops it so), which also writes a --cpu-prof profile.
process.on('SIGTERM', () => process.exit(0));
