/**
 * A running cognito-local for tests: its own temporary data folder and free port, a user pool, an app
 * client, the `Admins` group and a few users. Stop it in afterAll (the folder is removed).
 *
 *   import { startTestCognito, type TestCognito } from '../support/cognito.ts';
 *   let cognito: TestCognito;
 *   beforeAll(async () => { cognito = await startTestCognito(); });
 *   afterAll(async () => { await cognito?.stop(); });
 *   const { accessToken } = await cognito.signIn('alice');        // a key of TEST_USERS, or a DemoUser
 *   // cognito.userPoolId, cognito.clientId, cognito.issuer, cognito.jwksUrl, cognito.endpoint
 *
 * Users sign in with their email (the pool's username attribute); `cognito:username` in tokens is
 * their generated id, `sub` likewise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureUserPool,
  signIn,
  startCognitoLocal,
  type DemoUser,
  type Tokens,
  type UserPoolInfo,
} from '../../packages/appsync-local/src/services/cognito-local.ts';

export const TEST_USERS = {
  admin: { username: 'admin', email: 'admin@taskwire.test', password: 'Admin-pass-1', displayName: 'Ada Admin', groups: ['Admins'] },
  alice: { username: 'alice', email: 'alice@taskwire.test', password: 'Alice-pass-1', displayName: 'Alice Member', groups: [] },
  bob: { username: 'bob', email: 'bob@taskwire.test', password: 'Bob-pass-1', displayName: 'Bob Viewer', groups: [] },
} satisfies Record<string, DemoUser>;

export type TestUserName = keyof typeof TEST_USERS;

export interface TestCognito extends UserPoolInfo {
  dataDir: string;
  users: DemoUser[];
  /** Signs a user in (USER_PASSWORD_AUTH) and returns the real tokens cognito-local issues. */
  signIn(user: TestUserName | DemoUser): Promise<Tokens>;
  stop(): Promise<void>;
}

export async function startTestCognito(opts: { users?: DemoUser[] } = {}): Promise<TestCognito> {
  const dataDir = mkdtempSync(join(tmpdir(), 'taskwire-cognito-'));
  const users = opts.users ?? Object.values(TEST_USERS);
  const server = await startCognitoLocal({ dataDir });
  try {
    const pool = await ensureUserPool({ endpoint: server.endpoint, users });
    return {
      ...pool,
      dataDir,
      users,
      signIn(user) {
        const u = typeof user === 'string' ? TEST_USERS[user] : user;
        return signIn(pool.endpoint, pool.clientId, u.email, u.password);
      },
      async stop() {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
