/**
 * What the three peer servers serve: one field, `task(id)`, answered by one GetItem on Taskwire's table
 * (the task item that Taskwire's own `task(id)` reads too), with API-key auth. The resolvers are the
 * same in VTL (the simulator), APPSYNC_JS (the local runtime) and plain code (the floor); each builds
 * the key `{ PK: "TASK#<id>", SK: "TASK" }` (model/keys.ts `taskKey`, which the floor imports) and returns the item.
 */
export const PEER_SCHEMA = `
type Task {
  id: ID!
  projectId: ID!
  key: String!
  title: String!
  status: String!
  priority: String!
  labels: [String!]!
  version: Int!
  updatedAt: AWSDateTime!
}
type Query {
  task(id: ID!): Task
}
schema {
  query: Query
}
`;

/** The fields the query selects, in its order (the floor answers with these). */
export const TASK_FIELDS = ['id', 'projectId', 'key', 'title', 'status', 'priority', 'labels', 'version', 'updatedAt'] as const;
export const PEER_QUERY = `query GetTask($id: ID!) { task(id: $id) { ${TASK_FIELDS.join(' ')} } }`;

/** The simulator's resolver (VTL, AppSync's 2018-05-29 DynamoDB request). */
export const VTL_REQUEST = `{
  "version": "2018-05-29",
  "operation": "GetItem",
  "key": {
    "PK": $util.dynamodb.toDynamoDBJson("TASK#$ctx.args.id"),
    "SK": $util.dynamodb.toDynamoDBJson("TASK")
  }
}`;
export const VTL_RESPONSE = `#if($ctx.error)
  $util.error($ctx.error.message, $ctx.error.type)
#end
$util.toJson($ctx.result)`;

/** The local runtime's resolver (APPSYNC_JS), as esbuild bundles one: `@aws-appsync/utils` stays an import. */
export const JS_RESOLVER = `import { util } from '@aws-appsync/utils';
export function request(ctx) {
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ PK: \`TASK#\${ctx.args.id}\`, SK: 'TASK' }) };
}
export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
`;

/** What each server process prints on its first stdout line once it listens. */
export interface ServerReady {
  url: string;
  pid: number;
}
