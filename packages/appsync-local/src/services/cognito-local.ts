/**
 * cognito-local (npm) as Taskwire's local Cognito user pool: start/stop it, provision the pool, app
 * client, `Admins` group and demo users idempotently through the real Cognito SDK, and sign in.
 *
 * cognito-local runs as a child process (cognito-local-server.ts: its own server with a safe data
 * store): it keeps its data in `.cognito/` under its working directory and reads `PORT`/`HOST` once at
 * load, so a child with `cwd = dataDir` gives each caller its own data folder (kept across restarts)
 * and its own port, and the AWS SDK v2 it loads stays out of our process. See docs/local-services.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseStore } from './cognito-local-server.ts';
import { assertPortFree } from './ports.ts';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';

export interface CognitoLocalOptions {
  /** Folder for cognito-local's data (`<dataDir>/.cognito/`); created if missing, reused on restart. */
  dataDir: string;
  /** Port to listen on; omitted or 0: whatever port the OS gives the child. Keep it fixed to keep the token issuer. */
  port?: number;
  /** Interface to bind, also the issuer's host. Default 127.0.0.1. */
  host?: string;
  /** Receives cognito-local's output lines (it never sees passwords: users are made with SUPPRESS). */
  onLog?: (line: string) => void;
  /** Appended to the one-line refusal when the port is taken (e.g. which setting changes it). */
  portHint?: string;
}

export interface CognitoLocal {
  endpoint: string;
  port: number;
  dataDir: string;
  /** One line per damaged store file found at start, and what was done about it. */
  recovered: string[];
  stop(): Promise<void>;
}

export interface DemoUser {
  /** Shown as `preferred_username`; sign-in uses the email (see ensureUserPool). */
  username: string;
  email: string;
  password: string;
  displayName?: string;
  groups?: string[];
}

export interface EnsureUserPoolOptions {
  endpoint: string;
  poolName?: string;
  clientName?: string;
  /** Groups to create besides `Admins`. */
  groups?: string[];
  users?: DemoUser[];
}

export interface UserPoolInfo {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  /** cognito-local names pools `local_xxxxxxxx`: the region part is `local`. */
  region: string;
  /** `iss` of the tokens: `<endpoint>/<userPoolId>`, as on AWS (`https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
  issuer: string;
  jwksUrl: string;
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

/** Generous: on a busy 2-core machine loading cognito-local takes many seconds; a crash fails at once (exit). */
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 5_000;
/** cognito-local accepts any credentials; the SDK insists on some. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The child's command line: cognito-local-server.ts under tsx's loader (absolute: the cwd is dataDir). */
function childArgs(): string[] {
  const require = createRequire(import.meta.url);
  return ['--import', pathToFileURL(require.resolve('tsx')).href, join(import.meta.dirname, 'cognito-local-server.ts')];
}

/**
 * Checks every store file under `<dataDir>/.cognito/` before cognito-local reads it. A readable file
 * is copied to `<file>.last-good`; a damaged one (e.g. cut short by a crash of an older version) is
 * moved aside and replaced by its last good copy when there is one, else left for the launcher to
 * provision afresh. Returns one line per damaged file. (`.last-good` and `.damaged-*` names do not end
 * in `.json`, so cognito-local never takes them for pools.)
 */
export function recoverStore(dataDir: string): string[] {
  const notes: string[] = [];
  const root = join(dataDir, '.cognito');
  for (const dir of [root, join(root, 'db')]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const file = join(dir, name);
      const lastGood = `${file}.last-good`;
      const readable = (f: string) => {
        try {
          parseStore(readFileSync(f, 'utf8'));
          return true;
        } catch {
          return false;
        }
      };
      if (readable(file)) {
        // Copy then rename, so the last good copy itself is never half written.
        copyFileSync(file, `${lastGood}.tmp`);
        renameSync(`${lastGood}.tmp`, lastGood);
        continue;
      }
      const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(file, aside);
      const shown = relative(dataDir, file);
      if (readable(lastGood)) {
        copyFileSync(lastGood, file);
        notes.push(`cognito-local: ${shown} was damaged (moved to ${basename(aside)}); restored its last good copy from the previous start`);
      } else {
        notes.push(`cognito-local: ${shown} was damaged and has no good copy (moved to ${basename(aside)}); the pool, client and demo users are provisioned again`);
      }
    }
  }
  return notes;
}

/**
 * Resolves with the port the child reports once it listens (an IPC message, cognito-local-server.ts);
 * rejects as soon as it exits, or when READY_TIMEOUT_MS runs out.
 */
function listeningPort(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const onMessage = (msg: unknown) => {
      const port = (msg as { listening?: unknown } | null)?.listening;
      if (typeof port !== 'number') return;
      done();
      resolve(port);
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(new Error(`cognito-local exited before it was ready (${signal ?? `code ${code}`}): ${output()}`));
    };
    const onError = (err: Error) => {
      done();
      reject(new Error(`cognito-local could not start: ${err.message}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`cognito-local did not start listening within ${READY_TIMEOUT_MS} ms: ${output()}`));
    }, READY_TIMEOUT_MS);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts cognito-local and resolves once it listens. */
export async function startCognitoLocal(opts: CognitoLocalOptions): Promise<CognitoLocal> {
  const host = opts.host ?? '127.0.0.1';
  mkdirSync(opts.dataDir, { recursive: true });
  const requested = opts.port ?? 0;
  // A one-line refusal instead of the child's stack trace when a chosen port is taken.
  await assertPortFree(requested, 'cognito-local', opts.portHint);
  const recovered = recoverStore(opts.dataDir);

  const child = spawn(process.execPath, childArgs(), {
    cwd: opts.dataDir,
    // DEBUG and dev mode off: in those modes cognito-local logs request bodies, passwords included.
    env: { ...process.env, PORT: String(requested), HOST: host, NODE_NO_WARNINGS: '1', DEBUG: undefined, COGNITO_LOCAL_DEVMODE: undefined },
    // stdin stays open: the child exits when it closes, i.e. when this process dies, however it dies.
    // The IPC channel carries the port it listens on (port 0: the OS chose it).
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
  });
  // Keep the last lines for error messages only; forward them when the caller asks.
  const tail: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 20) tail.shift();
      opts.onLog?.(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  // A child must never outlive us (Ctrl-C, a crashed test worker).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let port: number;
  try {
    port = await listeningPort(child, () => tail.join('\n'));
  } catch (e) {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    throw e;
  } finally {
    // The channel is only for that message; left open it would keep this process alive.
    if (child.connected) child.disconnect();
  }
  const endpoint = `http://${host}:${port}`;

  return {
    endpoint,
    port,
    dataDir: opts.dataDir,
    recovered,
    async stop() {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

/** The real Cognito SDK client pointed at cognito-local. */
export function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, region: 'local', credentials: LOCAL_CREDENTIALS });
}

function isUserNotFound(e: unknown): boolean {
  return (e as { name?: string }).name === 'UserNotFoundException';
}

async function ensurePool(client: CognitoIdentityProviderClient, poolName: string): Promise<string> {
  const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const existing = UserPools.find((p) => p.Name === poolName);
  if (existing?.Id) return existing.Id;
  // Email is the username attribute (CDK `signInAliases: { email: true }`, Amplify `loginWith.email`):
  // people sign in with their email, `cognito:username` is a generated id, and emails are unique in the
  // pool — so `addMember(email)` is a single AdminGetUser(Username = email) and an unknown email can be
  // invited with AdminCreateUser(Username = email).
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({
      PoolName: poolName,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
    }),
  );
  if (!UserPool?.Id) throw new Error('cognito-local returned no user pool id');
  return UserPool.Id;
}

async function ensureClient(client: CognitoIdentityProviderClient, userPoolId: string, clientName: string): Promise<string> {
  const { UserPoolClients = [] } = await client.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  const existing = UserPoolClients.find((c) => c.ClientName === clientName);
  if (existing?.ClientId) return existing.ClientId;
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: clientName,
      GenerateSecret: false,
      // aws-amplify v6 signs in with authFlowType 'USER_PASSWORD_AUTH' against userPoolEndpoint.
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      // Cognito's defaults: access and id tokens live one hour.
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    }),
  );
  if (!UserPoolClient?.ClientId) throw new Error('cognito-local returned no app client id');
  return UserPoolClient.ClientId;
}

async function ensureGroup(client: CognitoIdentityProviderClient, userPoolId: string, groupName: string): Promise<void> {
  // ListGroups rather than GetGroup: cognito-local 5.3 answers GetGroup for a missing group with a
  // bare HTTP 500 instead of ResourceNotFoundException.
  const { Groups = [] } = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60 }));
  if (Groups.some((g) => g.GroupName === groupName)) return;
  await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: groupName }));
}

function userAttributes(user: DemoUser): AttributeType[] {
  return [
    { Name: 'email', Value: user.email },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'preferred_username', Value: user.username },
    { Name: 'name', Value: user.displayName ?? user.username },
  ];
}

async function ensureUser(client: CognitoIdentityProviderClient, userPoolId: string, user: DemoUser): Promise<void> {
  let username: string | undefined;
  try {
    ({ Username: username } = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.email })));
  } catch (e) {
    if (!isUserNotFound(e)) throw e;
  }
  if (username) {
    await client.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: user.email, UserAttributes: userAttributes(user) }),
    );
  } else {
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        UserAttributes: userAttributes(user),
        // No welcome message: cognito-local would print the temporary password to its log.
        MessageAction: 'SUPPRESS',
        TemporaryPassword: user.password,
      }),
    );
    username = created.User?.Username;
  }
  if (!username) throw new Error(`cognito-local returned no username for ${user.email}`);
  // Permanent password = status CONFIRMED, no NEW_PASSWORD_REQUIRED challenge at sign-in.
  await client.send(
    new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: user.email, Password: user.password, Permanent: true }),
  );

  // Group calls use the pool's username (the generated id), not the email: cognito-local 5.3's
  // AdminListGroupsForUser matches members against the name as given, so an email finds no groups.
  const wanted = new Set(user.groups ?? []);
  const { Groups = [] } = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
  const current = new Set(Groups.map((g) => g.GroupName).filter((g): g is string => !!g));
  for (const g of wanted) {
    if (current.has(g)) continue;
    await ensureGroup(client, userPoolId, g);
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: g }));
  }
  for (const g of current) {
    if (!wanted.has(g)) {
      await client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: g }));
    }
  }
}

/**
 * Provisions (or finds) the pool, the app client, the `Admins` group and the given users, so calling
 * it on every start is safe. Users are matched by email; their password, attributes and group
 * memberships are brought in line with `users`.
 */
export async function ensureUserPool(opts: EnsureUserPoolOptions): Promise<UserPoolInfo> {
  const client = cognitoClient(opts.endpoint);
  try {
    const userPoolId = await ensurePool(client, opts.poolName ?? 'taskwire');
    const clientId = await ensureClient(client, userPoolId, opts.clientName ?? 'taskwire-web');
    for (const g of new Set(['Admins', ...(opts.groups ?? [])])) await ensureGroup(client, userPoolId, g);
    for (const u of opts.users ?? []) await ensureUser(client, userPoolId, u);
    const issuer = `${opts.endpoint}/${userPoolId}`;
    return {
      endpoint: opts.endpoint,
      userPoolId,
      clientId,
      region: userPoolId.split('_')[0] ?? 'local',
      issuer,
      jwksUrl: `${issuer}/.well-known/jwks.json`,
    };
  } finally {
    client.destroy();
  }
}

/** USER_PASSWORD_AUTH sign-in (what aws-amplify v6 does with `authFlowType: 'USER_PASSWORD_AUTH'`). */
export async function signIn(endpoint: string, clientId: string, username: string, password: string): Promise<Tokens> {
  const client = cognitoClient(endpoint);
  try {
    const out = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    const r = out.AuthenticationResult;
    if (!r?.IdToken || !r.AccessToken || !r.RefreshToken) {
      throw new Error(`sign-in did not complete${out.ChallengeName ? `: challenge ${out.ChallengeName}` : ''}`);
    }
    return { idToken: r.IdToken, accessToken: r.AccessToken, refreshToken: r.RefreshToken };
  } finally {
    client.destroy();
  }
}
