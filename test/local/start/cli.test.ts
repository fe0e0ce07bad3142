/**
 * `npm start` as a newcomer runs it: the CLI as a child process, a demo user signed in with the real
 * AWS SDK Cognito client against cognito-local, an authorised query over HTTPS, then a clean stop that
 * leaves no service behind. (The CLI entry is what `npm start` runs: `tsx local/main.ts`.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../packages/appsync-local/src/services/ports.ts';
import { eventually } from '../../support/eventually.ts';
import { httpsRequests } from '../../../packages/appsync-local/test/support/https.ts';

const ROOT = join(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
/** The file `npm start` runs (`tsx <entry>`). */
const ENTRY = pkg.scripts.start!.split(' ')[1]!;

let child: ChildProcess;
let output = '';
let dataDir = '';
let ports = { app: 0, cognito: 0, dynamodb: 0, s3: 0, eventBridge: 0, scheduler: 0, sns: 0, ses: 0 };

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

/** Picks a free port for each name (the CLI is told its ports: they are chosen before it binds them). */
async function pickPorts<K extends string>(names: readonly K[]): Promise<Record<K, number>> {
  const picked = {} as Record<K, number>;
  for (const name of names) picked[name] = await freePort();
  return picked;
}

interface Cli {
  child: ChildProcess;
  /** Everything it printed so far. */
  out(): string;
}

/**
 * Runs the CLI as `npm start` does and waits (eventually(), bounded) for its ready banner; fails at
 * once with its output if it exits first.
 */
async function runCli(env: NodeJS.ProcessEnv, argv: string[] = ['--in-memory', '--no-seed']): Promise<Cli> {
  const [command, ...args] = pkg.scripts.start!.split(' ');
  expect(command).toBe('tsx');
  const p = spawn(join(ROOT, 'node_modules/.bin/tsx'), [...args, ...argv], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  p.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = () => p.exitCode !== null || p.signalCode !== null;
  // Java's start on a busy machine dominates: a generous bound; an exit ends the wait at once.
  await eventually(() => {
    if (!exited()) expect(out).toContain('Ctrl-C to stop.');
  }, { timeoutMs: 110_000 });
  if (exited()) throw Object.assign(new Error(`npm start exited with ${p.exitCode ?? p.signalCode}:\n${out}`), { out });
  return { child: p, out: () => out };
}

/**
 * The CLI on freshly picked ports. Another process may take a port between our pick and the CLI's
 * bind; the CLI then refuses in one line, and the run is tried once more on new ports.
 */
async function runCliOnFreePorts<K extends string>(names: readonly K[], env: (ports: Record<K, number>) => NodeJS.ProcessEnv): Promise<Cli & { ports: Record<K, number> }> {
  for (let attempt = 1; ; attempt += 1) {
    const picked = await pickPorts(names);
    try {
      return { ...(await runCli(env(picked))), ports: picked };
    } catch (err) {
      const out = (err as { out?: string }).out ?? '';
      if (attempt >= 2 || !/^taskwire: .* could not start: port \d+ is already in use/m.test(out)) throw err;
    }
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'taskwire-cli-'));
  const cli = await runCliOnFreePorts(['app', 'cognito', 'dynamodb', 's3', 'eventBridge', 'scheduler', 'sns', 'ses'] as const, (p) => ({
    ...process.env,
    PORT: String(p.app),
    COGNITO_PORT: String(p.cognito),
    DYNAMODB_PORT: String(p.dynamodb),
    S3_PORT: String(p.s3),
    EVENTBRIDGE_PORT: String(p.eventBridge),
    SCHEDULER_PORT: String(p.scheduler),
    SNS_PORT: String(p.sns),
    SES_PORT: String(p.ses),
    TASKWIRE_DATA_DIR: dataDir,
    TASKWIRE_OUTPUTS: join(dataDir, 'taskwire-outputs.json'),
    // Not the test run's CA: the CLI makes and trusts its own, as on a fresh clone.
    TASKWIRE_CERT_DIR: '',
    NODE_EXTRA_CA_CERTS: '',
  }));
  child = cli.child;
  ports = cli.ports;
  output = cli.out();
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
}, 240_000);

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
    const agent = new Agent({ ca: readFileSync(caPath), keepAlive: false });
    const res = await httpsRequests(ports.app, agent)
      .post({ query: '{ me { email displayName } }' }, token)
      .finally(() => agent.destroy());
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
    // Ours: bound on port 0, so the port is held from the moment it is known.
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as AddressInfo).port;
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
      const envOf = (p: Record<'PORT' | 'COGNITO_PORT' | 'DYNAMODB_PORT' | 'S3_PORT', number>) => ({
        ...process.env,
        ...Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)])),
        TASKWIRE_DATA_DIR: dir,
        TASKWIRE_OUTPUTS: join(dir, 'taskwire-outputs.json'),
        TASKWIRE_CERT_DIR: '',
        NODE_EXTRA_CA_CERTS: '',
      });
      const { child: launcher, ports } = await runCliOnFreePorts(['PORT', 'COGNITO_PORT', 'DYNAMODB_PORT', 'S3_PORT'] as const, envOf);
      const env = envOf(ports);
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
