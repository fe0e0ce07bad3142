import { createPrivateKey, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { decodeJwt, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCognitoVerifier, cognitoGroupsAllow, looksLikeJwt, type CognitoVerifier } from '../../../src/appsync/auth/cognito.ts';
import { Refusal, MESSAGES } from '../../../src/appsync/auth/errors.ts';
import { ensureUserPool, signIn } from '../../../src/services/cognito-local.ts';
import { startTestCognito, TEST_USERS, type TestCognito } from '../../support/cognito.ts';

// cognito-local signs with a key it ships in its package. Signing with that same key lets a test change
// exactly one claim of an otherwise valid token (expiry, issuer, token_use, client), so each check is
// proven on its own; forged tokens use keys of our own.
const cognitoLocalKey: KeyObject = createPrivateKey(
  (createRequire(import.meta.url)('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string }).pem,
);

let cognito: TestCognito;
let verifier: CognitoVerifier;
const ip = ['203.0.113.7'];

beforeAll(async () => {
  cognito = await startTestCognito();
  verifier = createCognitoVerifier({ issuer: cognito.issuer, clientIds: [cognito.clientId] });
});
afterAll(async () => {
  await cognito?.stop();
});

async function refusal(p: Promise<unknown>): Promise<Refusal> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Refusal);
  return e as Refusal;
}

function b64(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}

/** Re-signs `claims` with cognito-local's own key, as cognito-local would. */
function signLikeCognito(claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal', ...header }).sign(cognitoLocalKey);
}

describe('tokens issued by cognito-local', () => {
  it('accepts an access token and builds the identity from `username` (what Amplify v6 sends)', async () => {
    const { accessToken } = await cognito.signIn('admin');
    const claims = decodeJwt(accessToken);
    const identity = await verifier.verify(accessToken, ip);
    expect(identity).toEqual({
      sub: claims.sub,
      issuer: cognito.issuer,
      username: claims.username,
      claims,
      sourceIp: ip,
      groups: ['Admins'],
      defaultAuthStrategy: 'ALLOW',
    });
    expect(claims.token_use).toBe('access');
    expect(typeof claims.username).toBe('string');
  });

  it('accepts an id token and takes the username from `cognito:username`', async () => {
    const { idToken } = await cognito.signIn('alice');
    const claims = decodeJwt(idToken);
    const identity = await verifier.verify(idToken, ip);
    expect(identity.username).toBe(claims['cognito:username']);
    expect(identity.claims.email).toBe(TEST_USERS.alice.email);
    expect(identity.groups).toBeNull();
    expect(identity.sub).toBe(claims.sub);
  });

  it('refuses a token whose app client is not allowed', async () => {
    const { accessToken, idToken } = await cognito.signIn('alice');
    const other = createCognitoVerifier({ issuer: cognito.issuer, clientIds: ['someotherclient'] });
    expect((await refusal(other.verify(accessToken, ip))).message).toBe(MESSAGES.noValidHeader);
    expect((await refusal(other.verify(idToken, ip))).message).toBe(MESSAGES.noValidHeader);
  });

  it('refuses a token from another user pool on the same cognito-local (issuer differs)', async () => {
    const otherPool = await ensureUserPool({
      endpoint: cognito.endpoint,
      poolName: 'another-pool',
      users: [TEST_USERS.bob],
    });
    const { accessToken } = await signIn(otherPool.endpoint, otherPool.clientId, TEST_USERS.bob.email, TEST_USERS.bob.password);
    const r = await refusal(verifier.verify(accessToken, ip));
    expect(r.statusCode).toBe(401);
    expect(r.body()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: MESSAGES.noValidHeader }] });
  });

  it('refuses a refresh token (no token_use)', async () => {
    const { refreshToken } = await cognito.signIn('alice');
    expect((await refusal(verifier.verify(refreshToken, ip))).message).toBe(MESSAGES.noValidHeader);
  });
});

describe('forged and altered tokens', () => {
  it('refuses alg "none"', async () => {
    const { accessToken } = await cognito.signIn('alice');
    const payload = accessToken.split('.')[1];
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    await refusal(verifier.verify(none, ip));
  });

  it('refuses HS256 (a symmetric signature made with a guessable secret)', async () => {
    const claims = decodeJwt((await cognito.signIn('alice')).accessToken);
    const hs = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'CognitoLocal' })
      .sign(new TextEncoder().encode('cognito-local-public-key-material'));
    await refusal(verifier.verify(hs, ip));
  });

  it('refuses a token signed with another RSA key under the pool key id', async () => {
    const claims = decodeJwt((await cognito.signIn('alice')).accessToken);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(privateKey);
    expect((await refusal(verifier.verify(forged, ip))).message).toBe(MESSAGES.noValidHeader);
  });

  it('refuses a tampered payload (groups added) under the original signature', async () => {
    const { accessToken } = await cognito.signIn('alice');
    const [h, p, s] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${h}.${b64({ ...claims, 'cognito:groups': ['Admins'] })}.${s}`;
    await refusal(verifier.verify(tampered, ip));
  });

  it('refuses an expired token with "Token has expired."', async () => {
    const claims = decodeJwt((await cognito.signIn('alice')).accessToken);
    const now = Math.floor(Date.now() / 1000);
    const expired = await signLikeCognito({ ...claims, iat: now - 7200, exp: now - 3600 });
    const r = await refusal(verifier.verify(expired, ip));
    expect(r.message).toBe(MESSAGES.tokenExpired);
    expect(r.errorType).toBe('UnauthorizedException');
    // The same claims with a live expiry pass: only `exp` made the difference.
    await expect(verifier.verify(await signLikeCognito({ ...claims, exp: now + 600 }), ip)).resolves.toMatchObject({ sub: claims.sub });
  });

  it('a token verified once is still refused once it expires, and each use gets its own identity', async () => {
    const claims = decodeJwt((await cognito.signIn('alice')).accessToken);
    const now = Math.floor(Date.now() / 1000);
    // Expires 2 s from now; the verifier tolerates 5 s of skew, so it is refused 8 s from now.
    const token = await signLikeCognito({ ...claims, iat: now, exp: now + 2 });
    const first = await verifier.verify(token, ip);
    const second = await verifier.verify(token, ['198.51.100.1']);
    expect(second).toEqual({ ...first, sourceIp: ['198.51.100.1'] });
    expect(second.claims).not.toBe(first.claims);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 8_000);
      const r = await refusal(verifier.verify(token, ip));
      expect(r.message).toBe(MESSAGES.tokenExpired);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a token without exp', async () => {
    const { exp: _exp, ...claims } = decodeJwt((await cognito.signIn('alice')).accessToken);
    await refusal(verifier.verify(await signLikeCognito(claims), ip));
  });

  it('refuses a token not valid yet (nbf in the future)', async () => {
    const claims = decodeJwt((await cognito.signIn('alice')).accessToken);
    await refusal(verifier.verify(await signLikeCognito({ ...claims, nbf: Math.floor(Date.now() / 1000) + 600 }), ip));
  });

  it('refuses a wrong issuer and a wrong token_use even when correctly signed', async () => {
    const claims = decodeJwt((await cognito.signIn('alice')).accessToken);
    await refusal(verifier.verify(await signLikeCognito({ ...claims, iss: `${cognito.endpoint}/local_other` }), ip));
    await refusal(verifier.verify(await signLikeCognito({ ...claims, token_use: 'refresh' }), ip));
  });

  it('refuses an id token for another audience, and an access token with no client_id', async () => {
    const { idToken, accessToken } = await cognito.signIn('alice');
    await refusal(verifier.verify(await signLikeCognito({ ...decodeJwt(idToken), aud: 'anotherclient' }), ip));
    const { client_id: _c, ...noClient } = decodeJwt(accessToken);
    await refusal(verifier.verify(await signLikeCognito(noClient), ip));
  });

  it('answers "Unable to parse JWT token." for garbage in JWT shape', async () => {
    const r = await refusal(verifier.verify(`${b64({ alg: 'RS256' })}.not-json.c2ln`, ip));
    expect(r.message).toBe(MESSAGES.unparsableJwt);
  });
});

describe('helpers', () => {
  it('looksLikeJwt tells JWTs from opaque tokens', async () => {
    expect(looksLikeJwt((await cognito.signIn('bob')).accessToken)).toBe(true);
    expect(looksLikeJwt('twk_3f9a.secret')).toBe(false);
    expect(looksLikeJwt('a.b.c')).toBe(false);
  });

  it('cognitoGroupsAllow: any listed group suffices; no list means any pool user', () => {
    expect(cognitoGroupsAllow({ groups: ['Admins'] }, ['Admins'])).toBe(true);
    expect(cognitoGroupsAllow({ groups: ['Devs'] }, ['Admins', 'Devs'])).toBe(true);
    expect(cognitoGroupsAllow({ groups: null }, ['Admins'])).toBe(false);
    expect(cognitoGroupsAllow({ groups: ['Devs'] }, ['Admins'])).toBe(false);
    expect(cognitoGroupsAllow({ groups: null }, undefined)).toBe(true);
  });
});
