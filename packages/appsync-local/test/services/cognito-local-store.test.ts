/**
 * cognito-local's persistent store under load and after damage: parallel sign-ins never leave an
 * unreadable file, refresh tokens stay bounded, and a file cut short mid-JSON is recovered at start.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REFRESH_TOKENS } from '../../src/services/cognito-local-server.ts';
import { cognitoClient, ensureUserPool, signIn, startCognitoLocal, type CognitoLocal, type DemoUser } from '../../src/services/cognito-local.ts';

const dave: DemoUser = { username: 'dave', email: 'dave@taskwire.test', password: 'Dave-pass-1', displayName: 'Dave' };
const erin: DemoUser = { username: 'erin', email: 'erin@taskwire.test', password: 'Erin-pass-1', displayName: 'Erin' };

const dirs: string[] = [];
const running: CognitoLocal[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) await c.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<CognitoLocal> {
  const c = await startCognitoLocal({ dataDir });
  running.push(c);
  return c;
}

const poolFile = (dataDir: string, poolId: string) => join(dataDir, '.cognito', 'db', `${poolId}.json`);

describe('cognito-local persistent store', () => {
  it('stays readable through many rounds of parallel sign-ins, keeps refresh tokens bounded, and a restart signs in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'taskwire-cognito-store-'));
    dirs.push(dataDir);
    let cognito = await start(dataDir);
    const pool = await ensureUserPool({ endpoint: cognito.endpoint, users: [dave, erin] });
    const file = poolFile(dataDir, pool.userPoolId);
    const first = await signIn(cognito.endpoint, pool.clientId, dave.email, dave.password);

    for (let round = 0; round < 10; round += 1) {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => {
          const u = i % 2 ? erin : dave;
          return signIn(cognito.endpoint, pool.clientId, u.email, u.password);
        }),
      );
      // Whatever moment a crash picks, the file on disk is whole.
      expect(() => JSON.parse(readFileSync(file, 'utf8')), `round ${round}`).not.toThrow();
    }
    const users = Object.values((JSON.parse(readFileSync(file, 'utf8')) as { Users: Record<string, { RefreshTokens: string[] }> }).Users);
    for (const u of users) expect(u.RefreshTokens.length).toBeLessThanOrEqual(MAX_REFRESH_TOKENS);
    // The oldest sessions were dropped: their refresh token no longer works, as a revoked one.
    const client = cognitoClient(cognito.endpoint);
    await expect(
      client.send(new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.refreshToken } })),
    ).rejects.toThrow();
    client.destroy();

    await running.pop()!.stop();
    cognito = await start(dataDir);
    expect(cognito.recovered).toEqual([]);
    const latest = await signIn(cognito.endpoint, pool.clientId, erin.email, erin.password);
    expect(latest.accessToken).toBeTruthy();
  }, 120_000);

  it('restores a pool file cut short mid-JSON from its last good copy, keeping the users, and says so in one line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'taskwire-cognito-damaged-'));
    dirs.push(dataDir);
    let cognito = await start(dataDir);
    const pool = await ensureUserPool({ endpoint: cognito.endpoint, users: [dave] });
    await running.pop()!.stop();
    // The second start keeps a last good copy.
    cognito = await start(dataDir);
    await running.pop()!.stop();

    const file = poolFile(dataDir, pool.userPoolId);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    cognito = await start(dataDir);
    expect(cognito.recovered).toEqual([expect.stringMatching(new RegExp(`^cognito-local: .*${pool.userPoolId}\\.json was damaged \\(moved to .*\\); restored its last good copy`))]);
    expect(cognito.recovered[0]).not.toContain('\n');
    const aside = readdirSync(join(dataDir, '.cognito', 'db')).filter((n) => n.startsWith(`${pool.userPoolId}.json.damaged-`));
    expect(aside).toHaveLength(1);
    // Same pool and user, without provisioning again.
    const tokens = await signIn(cognito.endpoint, pool.clientId, dave.email, dave.password);
    expect(tokens.accessToken).toBeTruthy();
  }, 120_000);

  it('moves aside a damaged file with no good copy, and the pool is provisioned again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'taskwire-cognito-nocopy-'));
    dirs.push(dataDir);
    let cognito = await start(dataDir);
    const pool = await ensureUserPool({ endpoint: cognito.endpoint, users: [dave] });
    await running.pop()!.stop();

    const file = poolFile(dataDir, pool.userPoolId);
    if (existsSync(`${file}.last-good`)) unlinkSync(`${file}.last-good`);
    writeFileSync(file, '{"Users": {"abc": {"Username": "ab');
    cognito = await start(dataDir);
    expect(cognito.recovered).toEqual([expect.stringMatching(/was damaged and has no good copy \(moved to .*\); the pool, client and demo users are provisioned again$/)]);
    const again = await ensureUserPool({ endpoint: cognito.endpoint, users: [dave] });
    expect(again.userPoolId).not.toBe(pool.userPoolId);
    const tokens = await signIn(cognito.endpoint, again.clientId, dave.email, dave.password);
    expect(tokens.accessToken).toBeTruthy();
  }, 120_000);
});
