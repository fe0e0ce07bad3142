import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { cognitoClient, ensureUserPool, signIn, startCognitoLocal, type DemoUser } from '../../src/services/cognito-local.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'taskwire-cognito-svc-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const carol: DemoUser = { username: 'carol', email: 'carol@taskwire.test', password: 'Carol-pass-1', displayName: 'Carol', groups: ['Admins'] };

describe('cognito-local service', () => {
  it('provisions idempotently, keeps its data in the given folder across restarts, and stops cleanly', async () => {
    const first = await startCognitoLocal({ dataDir });
    let pool1;
    try {
      pool1 = await ensureUserPool({ endpoint: first.endpoint, users: [carol] });
      const again = await ensureUserPool({ endpoint: first.endpoint, users: [carol] });
      expect(again).toEqual(pool1);
      expect(pool1.issuer).toBe(`${first.endpoint}/${pool1.userPoolId}`);
      expect(pool1.jwksUrl).toBe(`${pool1.issuer}/.well-known/jwks.json`);
      const jwks = (await (await fetch(pool1.jwksUrl)).json()) as { keys: { kid: string; alg: string }[] };
      expect(jwks.keys.map((k) => k.alg)).toEqual(['RS256']);
    } finally {
      await first.stop();
    }
    expect(existsSync(join(dataDir, '.cognito', 'db'))).toBe(true);
    await expect(fetch(`${first.endpoint}/health`)).rejects.toThrow();

    // Restart on another port: same pool, client and user, now demoted from Admins and with a new password.
    const second = await startCognitoLocal({ dataDir });
    try {
      const changed = { ...carol, password: 'Carol-pass-2', groups: [] };
      const pool2 = await ensureUserPool({ endpoint: second.endpoint, users: [changed] });
      expect(pool2.userPoolId).toBe(pool1.userPoolId);
      expect(pool2.clientId).toBe(pool1.clientId);

      const tokens = await signIn(second.endpoint, pool2.clientId, carol.email, changed.password);
      const access = decodeJwt(tokens.accessToken);
      const id = decodeJwt(tokens.idToken);
      expect(access.iss).toBe(pool2.issuer);
      expect(access.client_id).toBe(pool2.clientId);
      expect(id.aud).toBe(pool2.clientId);
      expect(id.email).toBe(carol.email);
      expect(access['cognito:groups']).toBeUndefined();
      // Email is the username attribute: the username is the generated sub, looked up by email.
      expect(access.username).toBe(access.sub);
      await expect(signIn(second.endpoint, pool2.clientId, carol.email, carol.password)).rejects.toThrow();

      const client = cognitoClient(second.endpoint);
      try {
        const user = await client.send(new AdminGetUserCommand({ UserPoolId: pool2.userPoolId, Username: carol.email }));
        expect(user.UserStatus).toBe('CONFIRMED');
        expect(user.Username).toBe(access.sub);
        // (cognito-local puts only email and custom attributes in id tokens; real Cognito adds these too.)
        const attrs = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
        expect(attrs).toMatchObject({ email: carol.email, preferred_username: 'carol', name: 'Carol', email_verified: 'true' });
        const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: pool2.userPoolId, Username: user.Username }));
        expect(groups.Groups ?? []).toEqual([]);
      } finally {
        client.destroy();
      }
    } finally {
      await second.stop();
    }
  });
});
