/**
 * (d) Taskwire itself, as `npm start` serves it (HTTPS, Cognito), in its own process: a throwaway local
 * runtime (its DynamoDB Local in memory is the one every peer server shares), with a project, a MEMBER
 * (max) and a task created through the API. Its first stdout line is a JSON ServerReady plus what the
 * benchmark needs: the DynamoDB endpoint, the table, the task id, the member's access token, the
 * runtime's CA. Run by bench/peer.ts:  node --import tsx bench/peer/taskwire-server.ts
 */
import { Agent, request } from 'node:https';
import { demoToken, startThrowawayRuntime, type LocalRuntime } from '../../local/start.ts';
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
const agent = new Agent({ ca: runtime.caCertPem, keepAlive: true });

function graphql(token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: 'localhost', port: runtime.server.port, path: '/graphql', method: 'POST', agent,
        headers: { 'content-type': 'application/json', authorization: token, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const json = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
          if (res.statusCode !== 200 || json.errors?.length) reject(new Error(`HTTP ${res.statusCode}: ${text}`));
          else resolve(json.data);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function setUp(rt: LocalRuntime) {
  const admin = rt.demoUsers.find((u) => u.groups.includes('Admins'))!;
  const member = rt.demoUsers.find((u) => u.email === 'max@taskwire.local')!;
  const adminToken = await demoToken(rt, admin.email);
  const projectId: string = (await graphql(adminToken, 'mutation { createProject(input: { key: "PEER", name: "Peer benchmark" }) { id } }')).createProject.id;
  await graphql(adminToken, 'mutation($input: AddMemberInput!) { addMember(input: $input) { userId } }', {
    input: { projectId, email: member.email, role: 'MEMBER' },
  });
  const taskId: string = (await graphql(adminToken, 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
    input: { projectId, title: 'Peer benchmark card', description: 'A task of ordinary size, read over and over.', labels: ['bench', 'peer'], priority: 'HIGH' },
  })).createTask.id;
  return { taskId, memberToken: await demoToken(rt, member.email) };
}

const { taskId, memberToken } = await setUp(runtime);
agent.destroy();
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
