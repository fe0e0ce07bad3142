/**
 * After a carry-over the worker tells subscribers: a SigV4-signed POST of publishTaskChange /
 * publishSprintChange to APPSYNC_URL with the function's credentials. Checked against a real HTTP
 * listener whose requests the local AppSync's IAM verifier (packages/appsync-local/src/appsync/auth/iam.ts) must accept;
 * without APPSYNC_URL nothing is sent.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIamVerifier } from '../../../packages/appsync-local/src/appsync/auth/iam.ts';
import { publishChanges } from '../../../functions/workers/publish.ts';

const received: { query: string; variables: Record<string, string>; verified: boolean }[] = [];
let server: Server;
let url = '';
const verifier = createIamVerifier({
  region: 'us-east-1',
  credentials: [{ accessKeyId: 'worker-key', secretAccessKey: 'worker-secret', accountId: '000000000000', userArn: 'arn:aws:sts::000000000000:assumed-role/taskwire-workers/workers' }],
});

beforeAll(async () => {
  Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'worker-key', AWS_SECRET_ACCESS_KEY: 'worker-secret' });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const verified = await verifier
        .verify({ method: req.method ?? '', path: req.url ?? '', headers: req.headers as Record<string, string>, body, sourceIp: ['127.0.0.1'] })
        .then(() => true, () => false);
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, string> };
      received.push({ query, variables, verified });
      res.writeHead(verified ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(verified ? { data: { ok: true } } : { errors: [{ errorType: 'UnauthorizedException', message: 'bad signature' }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address() as { port: number };
  url = `http://127.0.0.1:${addr.port}/graphql`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  delete process.env.APPSYNC_URL;
});

describe('workers publish', () => {
  it('sends nothing without APPSYNC_URL', async () => {
    delete process.env.APPSYNC_URL;
    expect(await publishChanges([{ projectId: 'p', id: 't1' }])).toEqual({ sent: 0, failed: 0, skipped: true });
    expect(received).toEqual([]);
  });

  it('signs each publishTaskChange / publishSprintChange with SigV4 so the IAM auth mode accepts it', async () => {
    process.env.APPSYNC_URL = url;
    const outcome = await publishChanges([{ projectId: 'p', id: 't1' }, { projectId: 'p', id: 't2' }], [{ projectId: 'p', id: 's1' }]);
    expect(outcome).toEqual({ sent: 3, failed: 0, skipped: false });
    expect(received.map((r) => r.verified)).toEqual([true, true, true]);
    expect(received.map((r) => r.variables)).toEqual([{ projectId: 'p', id: 't1' }, { projectId: 'p', id: 't2' }, { projectId: 'p', id: 's1' }]);
    expect(received[0]!.query).toContain('publishTaskChange(projectId: $projectId, id: $id)');
    expect(received[2]!.query).toContain('publishSprintChange(projectId: $projectId, id: $id)');
  });

  it('counts a refused publish as failed and goes on (the table is already right)', async () => {
    process.env.APPSYNC_URL = url;
    process.env.AWS_SECRET_ACCESS_KEY = 'not-the-secret';
    const { resetClients } = await import('../../../functions/lib/clients.ts');
    resetClients();
    const outcome = await publishChanges([{ projectId: 'p', id: 't3' }]);
    expect(outcome).toEqual({ sent: 0, failed: 1, skipped: false });
    expect(received.at(-1)).toMatchObject({ verified: false, variables: { id: 't3' } });
  });
});
