/**
 * What the MEMBER benchmarks read: on a running local runtime, a project made by the demo Admin, the
 * demo MEMBER max added to it, and one task of ordinary size; with max's access token. Used by the
 * peer benchmark's (d) server (bench/peer/taskwire-server.ts) and by bench/crossing.ts.
 */
import { Agent, request } from 'node:https';
import { demoToken, type LocalRuntime } from '../../local/start.ts';

export interface MemberTask {
  projectId: string;
  taskId: string;
  memberToken: string;
}

/** One GraphQL POST to a running local runtime over HTTPS; its body, or a rejection for a non-200 answer. */
export function postGraphQL(rt: LocalRuntime, agent: Agent, token: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: 'localhost', port: rt.server.port, path: '/graphql', method: 'POST', agent,
        headers: { 'content-type': 'application/json', authorization: token, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode}: ${text}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function createMemberTask(rt: LocalRuntime): Promise<MemberTask> {
  const agent = new Agent({ ca: rt.caCertPem, keepAlive: true });
  const graphql = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const text = await postGraphQL(rt, agent, token, JSON.stringify({ query, variables }));
    const json = JSON.parse(text) as { data?: Record<string, { id?: string }>; errors?: unknown[] };
    if (json.errors?.length || !json.data) throw new Error(`GraphQL: ${text}`);
    return json.data;
  };
  try {
    const admin = rt.demoUsers.find((u) => u.groups.includes('Admins'))!;
    const member = rt.demoUsers.find((u) => u.email === 'max@taskwire.local')!;
    const adminToken = await demoToken(rt, admin.email);
    const projectId = (await graphql(adminToken, 'mutation { createProject(input: { key: "PEER", name: "Peer benchmark" }) { id } }')).createProject!.id!;
    await graphql(adminToken, 'mutation($input: AddMemberInput!) { addMember(input: $input) { userId } }', {
      input: { projectId, email: member.email, role: 'MEMBER' },
    });
    const taskId = (await graphql(adminToken, 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
      input: { projectId, title: 'Peer benchmark card', description: 'A task of ordinary size, read over and over.', labels: ['bench', 'peer'], priority: 'HIGH' },
    })).createTask!.id!;
    return { projectId, taskId, memberToken: await demoToken(rt, member.email) };
  } finally {
    agent.destroy();
  }
}
