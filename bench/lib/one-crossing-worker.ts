/**
 * The one-crossing experiment's worker (bench/crossing.ts): it runs a whole `Query.task` resolver run
 * for each message (the pipeline's handlers in this process, its data source answered from memory,
 * bench/lib/task-pipeline.ts) and answers with the run's value. What one crossing per resolver run
 * would cost (docs/local-runtime.md, "What is left"), without what that change still needs (the time
 * limit per handler, DynamoDB's own I/O in the worker): an estimate, not a way to run.
 */
import { runResolver } from '../../packages/appsync-local/src/appsync/graphql/resolve.ts';
import type { ContextInput } from '../../packages/appsync-local/src/appsync/types.ts';
import { inProcessEngine, taskPipeline } from './task-pipeline.ts';

export interface RunMessage {
  id: number;
  ctxJson: string;
}
export type RunReply = { id: number; value: unknown } | { id: number; error: string };

const resolver = taskPipeline(process.env.DYNAMODB_URL!);

process.on('message', (msg: RunMessage) => {
  const { stash: _s, ...base } = JSON.parse(msg.ctxJson) as ContextInput;
  runResolver(inProcessEngine, resolver, base, () => {}).then(
    (out) => process.send!({ id: msg.id, value: out.value } satisfies RunReply),
    (err: Error) => process.send!({ id: msg.id, error: err.message } satisfies RunReply),
  );
});
process.send!({ ready: true });
