/**
 * (b) The peer: AWS's Amplify AppSync simulator serving the peer field with the equivalent VTL
 * resolver on a DynamoDB data source and API-key auth. Plain CommonJS run with `node` from this
 * folder's own install (graphql 15, which the simulator needs). Started by bench/peer.ts with the
 * fixture in PEER_FIXTURE (JSON: schema, request and response templates).
 */
const { AmplifyAppSyncSimulator } = require('@aws-amplify/amplify-appsync-simulator');

async function main() {
  const fixture = JSON.parse(process.env.PEER_FIXTURE);
  const port = Number(process.env.PEER_PORT);
  const simulator = new AmplifyAppSyncSimulator({ port, wsPort: Number(process.env.PEER_WS_PORT) });
  simulator.init({
    schema: { content: fixture.schema },
    resolvers: [
      {
        kind: 'UNIT',
        typeName: 'Query',
        fieldName: 'task',
        dataSourceName: 'table',
        requestMappingTemplateLocation: 'Query.task.req.vtl',
        responseMappingTemplateLocation: 'Query.task.res.vtl',
      },
    ],
    dataSources: [
      {
        type: 'AMAZON_DYNAMODB',
        name: 'table',
        config: { endpoint: process.env.PEER_DDB, region: 'us-east-1', tableName: process.env.PEER_TABLE },
        // The simulator builds its SDK client from config + options; the credentials go here.
        options: { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } },
      },
    ],
    mappingTemplates: [
      { path: 'Query.task.req.vtl', content: fixture.request },
      { path: 'Query.task.res.vtl', content: fixture.response },
    ],
    appSync: {
      name: 'peer',
      defaultAuthenticationType: { authenticationType: 'API_KEY' },
      apiKey: process.env.PEER_API_KEY,
      additionalAuthenticationProviders: [],
    },
  });
  await simulator.start();
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}/graphql`, pid: process.pid }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
