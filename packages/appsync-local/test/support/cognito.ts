/**
 * A running cognito-local for tests: its own temporary data folder and free port, a user pool, an app
 * client, the `Admins` group and a few users. Stop it in afterAll (the folder is removed).
 *
 *   let cognito: TestCognito;
 *   beforeAll(async () => { cognito = await startTestCognito(); });      // the users below
 *   afterAll(async () => { await cognito?.stop(); });
 *   const { accessToken } = await cognito.signIn('alice');                // a user's key, or a DemoUser
 *   // cognito.userPoolId, cognito.clientId, cognito.issuer, cognito.jwksUrl, cognito.endpoint
 *
 * A host project hands its own users to `startCognitoFixture`. Users sign in with their email (the
 * pool's username attribute); `cognito:username` in tokens is their generated id, `sub` likewise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureUserPool, signIn, startCognitoLocal, type DemoUser, type Tokens, type UserPoolInfo } from '../../src/services/cognito-local.ts';

export const TEST_USERS = {
  admin: { username: 'admin', email: 'admin@example.test', password: 'Admin-pass-1', displayName: 'Ada Admin', groups: ['Admins'] },
  alice: { username: 'alice', email: 'alice@example.test', password: 'Alice-pass-1', displayName: 'Alice Member', groups: [] },
  bob: { username: 'bob', email: 'bob@example.test', password: 'Bob-pass-1', displayName: 'Bob Viewer', groups: [] },
} satisfies Record<string, DemoUser>;

export interface TestCognito<Name extends string = string> extends UserPoolInfo {
  dataDir: string;
  users: DemoUser[];
  /** Signs a user in (USER_PASSWORD_AUTH) and returns the real tokens cognito-local issues. */
  signIn(user: Name | DemoUser): Promise<Tokens>;
  stop(): Promise<void>;
}

/** cognito-local with the given users (by key), or with `users` when given (a list). */
export async function startCognitoFixture<Name extends string>(
  known: Record<Name, DemoUser>,
  opts: { users?: DemoUser[] } = {},
): Promise<TestCognito<Name>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'appsync-local-cognito-'));
  const users = opts.users ?? Object.values<DemoUser>(known);
  const server = await startCognitoLocal({ dataDir });
  try {
    const pool = await ensureUserPool({ endpoint: server.endpoint, users });
    return {
      ...pool,
      dataDir,
      users,
      signIn(user) {
        const u = typeof user === 'string' ? known[user] : user;
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

export type TestUserName = keyof typeof TEST_USERS;

export function startTestCognito(opts: { users?: DemoUser[] } = {}): Promise<TestCognito<TestUserName>> {
  return startCognitoFixture(TEST_USERS, opts);
}
