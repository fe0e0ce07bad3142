/**
 * The peer benchmark's (d) resolver, `Query.task` (a pipeline: loadTask, authorize), compiled from the
 * real bundles, on the real DynamoDB data source: what bench/crossing.ts runs, in the runtime's worker
 * pool or in its own process.
 */
import { compileResolverCode, runHandler, type CompiledCode } from '../../packages/appsync-local/src/appsync/js/index.ts';
import type { CompiledResolver, Engine } from '../../packages/appsync-local/src/appsync/graphql/resolve.ts';
import { createDataSources } from '../../packages/appsync-local/src/appsync/datasources/index.ts';
import { createLocalDynamoDbClient } from '../../packages/appsync-local/src/services/dynamodb-local.ts';
import { bundleResolvers } from '../../scripts/lib/bundle-resolvers.ts';
import { LOCAL_TABLE_NAME } from '../../model/table.ts';

export const TASK_FIELD = 'Query.task';

/** The engine's in-process API as the executor's Engine (an experiment: no time or memory bound). */
export const inProcessEngine: Engine = { runHandler: (code, name, ctx) => runHandler(code as CompiledCode, name, ctx) };

export function taskPipeline(dynamodbUrl: string): Extract<CompiledResolver, { kind: 'PIPELINE' }> {
  const table = createDataSources({ table: { type: 'AMAZON_DYNAMODB' } }, {
    dynamodb: { client: createLocalDynamoDbClient(dynamodbUrl), tableName: LOCAL_TABLE_NAME, tokenSecret: Buffer.alloc(32) },
  }).table!;
  const bundles = bundleResolvers();
  const compile = (bundle: { code: string; sourceFile: string } | undefined) => {
    if (!bundle) throw new Error(`task-pipeline: a bundle of ${TASK_FIELD} is missing`);
    return compileResolverCode(bundle.code, { fileName: bundle.sourceFile });
  };
  return {
    kind: 'PIPELINE',
    id: TASK_FIELD,
    code: compile(bundles.resolvers.get(TASK_FIELD)),
    functions: ['loadTask', 'authorize'].map((name) => ({ name, code: compile(bundles.functions.get(name)), dataSource: table })),
  };
}
