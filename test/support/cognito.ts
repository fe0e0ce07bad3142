/**
 * A running cognito-local for Taskwire's tests (the local AppSync package's fixture) with Taskwire's
 * test users: the `Admins` group and a few users. Stop it in afterAll (the folder is removed).
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
import type { DemoUser } from '../../packages/appsync-local/src/services/cognito-local.ts';
import { startCognitoFixture, type TestCognito as PackageTestCognito } from '../../packages/appsync-local/test/support/cognito.ts';

export const TEST_USERS = {
  admin: { username: 'admin', email: 'admin@taskwire.test', password: 'Admin-pass-1', displayName: 'Ada Admin', groups: ['Admins'] },
  alice: { username: 'alice', email: 'alice@taskwire.test', password: 'Alice-pass-1', displayName: 'Alice Member', groups: [] },
  bob: { username: 'bob', email: 'bob@taskwire.test', password: 'Bob-pass-1', displayName: 'Bob Viewer', groups: [] },
} satisfies Record<string, DemoUser>;

export type TestUserName = keyof typeof TEST_USERS;
export type TestCognito = PackageTestCognito<TestUserName>;

export function startTestCognito(opts: { users?: DemoUser[] } = {}): Promise<TestCognito> {
  return startCognitoFixture(TEST_USERS, opts);
}
