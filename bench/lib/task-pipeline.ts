/**
 * The peer benchmark's (d) resolver, `Query.task` (a pipeline: loadTask, authorize), compiled from the
 * real bundles, with its DynamoDB data source answering from memory what DynamoDB Local answered the
 * first time it was asked (no HTTP, no DynamoDB in the loop): what bench/crossing.ts runs, in the
 * runtime's process or in the one-crossing experiment's worker (bench/lib/one-crossing-worker.ts).
 */
import { compileResolverCode, runHandler, type CompiledCode } from '../../packages/appsync-local/src/appsync/js/index.ts';
import type { CompiledResolver, Engine } from '../../packages/appsync-local/src/appsync/graphql/resolve.ts';
import { createDataSources } from '../../packages/appsync-local/src/appsync/datasources/index.ts';
import { createLocalDynamoDbClient } from '../../packages/appsync-local/src/services/dynamodb-local.ts';
import type { DataSource, DataSourceResult } from '../../packages/appsync-local/src/appsync/types.ts';
import { bundleResolvers } from '../../scripts/lib/bundle-resolvers.ts';
import { LOCAL_TABLE_NAME } from '../../model/table.ts';

export const TASK_FIELD = 'Query.task';

/** The engine's in-process API as the executor's Engine (an experiment: no time or memory bound). */
export const inProcessEngine: Engine = { runHandler: (code, name, ctx) => runHandler(code as CompiledCode, name, ctx) };

export function taskPipeline(dynamodbUrl: string): Extract<CompiledResolver, { kind: 'PIPELINE' }> {
  const real = createDataSources({ table: { type: 'AMAZON_DYNAMODB' } }, {
    dynamodb: { client: createLocalDynamoDbClient(dynamodbUrl), tableName: LOCAL_TABLE_NAME, tokenSecret: Buffer.alloc(32) },
  }).table!;
  const answers = new Map<string, DataSourceResult>();
  const replay: DataSource = {
    ...real,
    async invoke(call) {
      const key = JSON.stringify(call.request);
      let answer = answers.get(key);
      if (!answer) answers.set(key, (answer = await real.invoke(call)));
      return structuredClone(answer);
    },
  };
  const bundles = bundleResolvers();
  const compile = (bundle: { code: string; sourceFile: string } | undefined) => {
    if (!bundle) throw new Error(`task-pipeline: a bundle of ${TASK_FIELD} is missing`);
    return compileResolverCode(bundle.code, { fileName: bundle.sourceFile });
  };
  return {
    kind: 'PIPELINE',
    id: TASK_FIELD,
    code: compile(bundles.resolvers.get(TASK_FIELD)),
    functions: ['loadTask', 'authorize'].map((name) => ({ name, code: compile(bundles.functions.get(name)), dataSource: replay })),
  };
}
