/** functions/members against cognito-local: finds people by email, invites unknown emails, idempotently. */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoClient, resetClients } from '../../functions/lib/clients.ts';
import { handler } from '../../functions/members/handler.ts';
import { startTestCognito, TEST_USERS, type TestCognito } from '../support/cognito.ts';
import { START_TIMEOUT_MS } from '../support/timeouts.ts';

let cognito: TestCognito;

beforeAll(async () => {
  cognito = await startTestCognito({ users: [TEST_USERS.alice] });
  Object.assign(process.env, {
    USER_POOL_ID: cognito.userPoolId,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  resetClients();
}, START_TIMEOUT_MS);
afterAll(async () => {
  resetClients();
  await cognito?.stop();
});

describe('members', () => {
  it('finds an existing person by email (any case) with their sub and name', async () => {
    const { accessToken } = await cognito.signIn('alice');
    const sub = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()).sub;
    expect(await handler({ email: ' Alice@Taskwire.test ' })).toEqual({
      userId: sub,
      email: 'alice@taskwire.test',
      displayName: 'Alice Member',
      invited: false,
    });
  });

  it('invites an unknown email through Cognito, and answers the same on a retry', async () => {
    const first = await handler({ email: 'fresh@taskwire.test' });
    expect(first).toMatchObject({ email: 'fresh@taskwire.test', invited: true });
    expect(first!.userId).toBeTruthy();
    const user = await cognitoClient().send(new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: 'fresh@taskwire.test' }));
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(await handler({ email: 'fresh@taskwire.test' })).toEqual(first);
  });

  it('describes a signed-in person by Cognito username (access tokens carry no email), null for a stranger', async () => {
    const { accessToken } = await cognito.signIn('alice');
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());
    expect(claims.email).toBeUndefined();
    expect(await handler({ username: claims.username })).toEqual({
      userId: claims.sub,
      email: 'alice@taskwire.test',
      displayName: 'Alice Member',
      invited: false,
    });
    expect(await handler({ username: 'nobody-by-that-name' })).toBeNull();
    await expect(handler({ username: '' })).rejects.toThrow(/username/);
  });

  it('refuses a payload without an email', async () => {
    await expect(handler({ email: 'not-an-email' })).rejects.toThrow(/email/);
  });
});
