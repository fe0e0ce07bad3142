/**
 * `npm start` as a newcomer runs it: the CLI as a child process, a demo user signed in with the real
 * AWS SDK Cognito client against cognito-local, an authorised query over HTTPS, then a clean stop that
 * leaves no service behind. (The CLI entry is what `npm start` runs: `tsx local/main.ts`.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../packages/appsync-local/src/services/dynamodb-local.ts';
import { eventually } from '../../support/eventually.ts';

const ROOT = join(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
/** The file `npm start` runs (`tsx <entry>`). */
const ENTRY = pkg.scripts.start!.split(' ')[1]!;

let child: ChildProcess;
let output = '';
let dataDir = '';
const ports = { app: 0, cognito: 0, dynamodb: 0, s3: 0, eventBridge: 0, scheduler: 0, sns: 0, ses: 0 };

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

async function waitFor(predicate: () => boolean, what: string, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; output so far:\n${output}`);
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'taskwire-cli-'));
  for (const k of Object.keys(ports) as (keyof typeof ports)[]) ports[k] = await freePort();
  const [command, ...args] = pkg.scripts.start!.split(' ');
  expect(command).toBe('tsx');
  child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [...args, '--in-memory', '--no-seed'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(ports.app),
      COGNITO_PORT: String(ports.cognito),
      DYNAMODB_PORT: String(ports.dynamodb),
      S3_PORT: String(ports.s3),
      EVENTBRIDGE_PORT: String(ports.eventBridge),
      SCHEDULER_PORT: String(ports.scheduler),
      SNS_PORT: String(ports.sns),
      SES_PORT: String(ports.ses),
      TASKWIRE_DATA_DIR: dataDir,
      TASKWIRE_OUTPUTS: join(dataDir, 'taskwire-outputs.json'),
      // Not the test run's CA: the CLI makes and trusts its own, as on a fresh clone.
      TASKWIRE_CERT_DIR: '',
      NODE_EXTRA_CA_CERTS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  await waitFor(() => output.includes('Ctrl-C to stop.'), 'the ready banner');
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints the endpoints and the demo users, and serves a query authorised by a demo user', async () => {
    expect(output).toContain(`GraphQL        https://localhost:${ports.app}/graphql`);
    expect(output).toMatch(/max@taskwire\.local\s+Taskwire-demo-1\s+demo project MEMBER/);
    const caPath = join(dataDir, 'tls', 'ca.cert.pem');
    expect(output).toContain(caPath);

    const outputs = JSON.parse(readFileSync(join(dataDir, 'taskwire-outputs.json'), 'utf8'));
    expect(outputs.data.url).toBe(`https://localhost:${ports.app}/graphql`);
    // The local email's web page, printed and named in the outputs, answers.
    const sesUrl = `http://127.0.0.1:${ports.ses}`;
    expect(output).toContain(`Email (SES)    ${sesUrl}`);
    expect(outputs.custom.endpoints).toMatchObject({ sesWeb: sesUrl, sesv2: sesUrl, events: `http://127.0.0.1:${ports.eventBridge}`, scheduler: `http://127.0.0.1:${ports.scheduler}`, sns: `http://127.0.0.1:${ports.sns}` });
    expect((await fetch(sesUrl)).status).toBe(200);
    const cognito = new CognitoIdentityProviderClient({
      region: outputs.auth.aws_region,
      endpoint: outputs.custom.cognitoEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const auth = await cognito.send(
      new InitiateAuthCommand({
        ClientId: outputs.auth.user_pool_client_id,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'max@taskwire.local', PASSWORD: 'Taskwire-demo-1' },
      }),
    );
    cognito.destroy();
    const token = auth.AuthenticationResult!.AccessToken!;

    // A client that trusts only the CA the CLI printed (curl --cacert, in Node).
    const { request } = await import('node:https');
    const body = JSON.stringify({ query: '{ me { email displayName } }' });
    const res = await new Promise<{ status: number; json: unknown }>((resolve, reject) => {
      const req = request(
        { host: 'localhost', port: ports.app, path: '/graphql', method: 'POST', ca: readFileSync(caPath), headers: { 'content-type': 'application/json', authorization: token } },
        (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, json: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(res).toEqual({ status: 200, json: { data: { me: { email: 'max@taskwire.local', displayName: 'Max Member' } } } });
  });

  it('stops every service on SIGTERM and exits 0', async () => {
    for (const port of Object.values(ports)) expect(await listening(port), `port ${port} before stop`).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const port of Object.values(ports)) expect(await listening(port), `port ${port} after stop`).toBe(false);
  }, 60_000);
});

describe('npm start refusing to start', () => {
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const p = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ENTRY, '--in-memory', '--no-seed'], {
        cwd: ROOT,
        env: { ...process.env, TASKWIRE_CERT_DIR: '', NODE_EXTRA_CA_CERTS: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      p.stdout!.on('data', (c: Buffer) => (out += c.toString()));
      p.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      p.on('exit', (code) => resolve({ code, out }));
    });
  const lastLine = (out: string) => out.trim().split('\n').filter((l) => l.startsWith('taskwire:'));

  it('says in one line that Java is missing, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskwire-nojava-'));
    try {
      // A PATH with node but no java.
      const { symlinkSync } = await import('node:fs');
      symlinkSync(process.execPath, join(dir, 'node'));
      const { code, out } = await run({ PATH: dir, TASKWIRE_DATA_DIR: dir, PORT: String(await freePort()) });
      expect(code).toBe(1);
      expect(lastLine(out)).toEqual([expect.stringMatching(/^taskwire: .*Java 17.*`java` was not found on PATH/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says in one line that the port is in use, and exits non-zero', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer();
    const port = await freePort();
    await new Promise<void>((r) => busy.listen(port, '127.0.0.1', r));
    const dir = mkdtempSync(join(tmpdir(), 'taskwire-busy-'));
    try {
      const ports = { COGNITO_PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()), S3_PORT: String(await freePort()) };
      const { code, out } = await run({ PORT: String(port), TASKWIRE_DATA_DIR: dir, ...ports });
      expect(code).toBe(1);
      expect(lastLine(out)).toEqual([expect.stringContaining(`port ${port} is already in use`)]);
      for (const p of Object.values(ports)) expect(await listening(Number(p)), `service on ${p} left running`).toBe(false);
    } finally {
      busy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('npm start killed outright', () => {
  it('takes every service down with it on SIGKILL, and a later start refuses a port another process holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskwire-killed-'));
    const held = createNetServer();
    try {
      const ports = { PORT: await freePort(), COGNITO_PORT: await freePort(), DYNAMODB_PORT: await freePort(), S3_PORT: await freePort() };
      const env = {
        ...process.env,
        ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
        TASKWIRE_DATA_DIR: dir,
        TASKWIRE_OUTPUTS: join(dir, 'taskwire-outputs.json'),
        TASKWIRE_CERT_DIR: '',
        NODE_EXTRA_CA_CERTS: '',
      };
      const launcher = spawn(join(ROOT, 'node_modules/.bin/tsx'), [ENTRY, '--in-memory', '--no-seed'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      launcher.stdout!.on('data', (c: Buffer) => (out += c.toString()));
      launcher.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      await eventually(() => expect(out).toContain('Ctrl-C to stop.'), { timeoutMs: 120_000 });
      for (const port of Object.values(ports)) expect(await listening(port), `port ${port} while running`).toBe(true);

      const exited = new Promise((resolve) => launcher.on('exit', resolve));
      launcher.kill('SIGKILL');
      await exited;
      await eventually(async () => {
        for (const port of Object.values(ports)) expect(await listening(port), `port ${port} after SIGKILL`).toBe(false);
      }, { timeoutMs: 60_000 });

      // Another program on cognito-local's port: refused in one line, nothing left running.
      await new Promise<void>((r) => held.listen(ports.COGNITO_PORT, '127.0.0.1', r));
      const second = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ENTRY, '--in-memory', '--no-seed'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out2 = '';
      second.stdout!.on('data', (c: Buffer) => (out2 += c.toString()));
      second.stderr!.on('data', (c: Buffer) => (out2 += c.toString()));
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(code).toBe(1);
      expect(out2.trim().split('\n').filter((l) => l.startsWith('taskwire:'))).toEqual([
        `taskwire: cognito-local could not start: port ${ports.COGNITO_PORT} is already in use (set COGNITO_PORT to another port, or stop what holds it)`,
      ]);
      for (const port of [ports.PORT, ports.DYNAMODB_PORT, ports.S3_PORT]) expect(await listening(port), `service on ${port} left running`).toBe(false);
    } finally {
      held.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
