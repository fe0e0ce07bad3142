/**
 * (d) Taskwire itself, as `npm start` serves it (HTTPS, Cognito), in its own process: a throwaway local
 * runtime (its DynamoDB Local in memory is the one every peer server shares), with a project, a MEMBER
 * (max) and a task created through the API. Its first stdout line is a JSON ServerReady plus what the
 * benchmark needs: the DynamoDB endpoint, the table, the task id, the member's access token, the
 * runtime's CA. Run by bench/peer.ts:  node --import tsx bench/peer/taskwire-server.ts
 */
import { startThrowawayRuntime, type LocalRuntime } from '../../local/start.ts';
import { createMemberTask } from '../lib/member-task.ts';
import { LOCAL_TABLE_NAME } from '../../model/table.ts';

/** On a busy shared machine DynamoDB Local or cognito-local can miss their start-up wait: try again. */
async function start(attempts = 3): Promise<LocalRuntime> {
  for (let i = 1; ; i++) {
    try {
      return await startThrowawayRuntime();
    } catch (err) {
      if (i >= attempts) throw err;
      console.error(`taskwire-server: start attempt ${i} failed (${(err as Error).message}); trying again`);
    }
  }
}
const runtime = await start();
const { taskId, memberToken } = await createMemberTask(runtime);
console.log(JSON.stringify({
  url: `https://localhost:${runtime.server.port}/graphql`,
  pid: process.pid,
  ddb: runtime.urls.dynamodb,
  table: LOCAL_TABLE_NAME,
  taskId,
  memberToken,
  ca: runtime.caCertPem,
}));
const stop = async () => {
  await runtime.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
