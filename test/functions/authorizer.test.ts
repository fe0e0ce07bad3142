/** functions/authorizer against DynamoDB Local: token items written as the createIntegrationToken pipeline writes them. */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/authorizer/handler.ts';
import { resetClients } from '../../functions/lib/clients.ts';
import { handler as generate } from '../../functions/tokens/handler.ts';
import { tokenKey } from '../../model/keys.ts';
import { useDynamoDbTable } from '../support/dynamodb.ts';

const db = useDynamoDbTable();
const PROJECT = '01JA0000000000000000PRJ001';

async function storeToken(scope: 'READ' | 'READ_WRITE', revoked = false) {
  const g = await generate({ projectId: PROJECT });
  await db.client.send(
    new PutItemCommand({
      TableName: db.tableName,
      Item: marshall({ ...tokenKey(PROJECT, g.tokenId), entity: 'IntegrationToken', id: g.tokenId, projectId: PROJECT, scope, secretHash: g.secretHash, revoked, version: 1 }),
    }),
  );
  return g;
}

const event = (authorizationToken: string) => ({ authorizationToken, requestContext: { apiId: 'local', accountId: '0', requestId: 'r', queryString: '{ x }', variables: {} }, requestHeaders: {} });

beforeAll(() => {
  Object.assign(process.env, { TABLE_NAME: db.tableName, AWS_ENDPOINT_URL_DYNAMODB: db.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
  resetClients();
});
afterAll(() => resetClients());

describe('authorizer', () => {
  it('resolves a valid token into its project and scope, never cached', async () => {
    const g = await storeToken('READ_WRITE');
    expect(await handler(event(g.token))).toEqual({
      isAuthorized: true,
      resolverContext: { tokenId: g.tokenId, projectId: PROJECT, scope: 'READ_WRITE' },
      ttlOverride: 0,
    });
    expect((await handler(event(`Bearer ${g.token}`))).isAuthorized).toBe(true);
  });

  it('denies a wrong secret, a revoked token, an unknown token and malformed strings', async () => {
    const g = await storeToken('READ');
    const wrong = g.token.slice(0, -1) + (g.token.endsWith('a') ? 'b' : 'a');
    expect(await handler(event(wrong))).toEqual({ isAuthorized: false, ttlOverride: 0 });
    const revoked = await storeToken('READ', true);
    expect((await handler(event(revoked.token))).isAuthorized).toBe(false);
    const unknown = await generate({ projectId: PROJECT });
    expect((await handler(event(unknown.token))).isAuthorized).toBe(false);
    for (const bad of ['', 'twk_', 'eyJhbGciOi.x.y', `twk_${PROJECT}_${g.tokenId}`, `${g.token}_extra`, `twk_a_b_${g.secret}`]) {
      expect((await handler(event(bad))).isAuthorized).toBe(false);
    }
  });
});

describe('tokens', () => {
  it('generates distinct secrets whose hash and prefix match, in the documented format', async () => {
    const a = await generate({ projectId: PROJECT });
    const b = await generate({ projectId: PROJECT });
    expect(a.secret).not.toBe(b.secret);
    expect(a.tokenId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(a.token).toBe(`twk_${PROJECT}_${a.tokenId}_${a.secret}`);
    expect(a.prefix).toBe(a.secret.slice(0, 8));
    const { createHash } = await import('node:crypto');
    expect(a.secretHash).toBe(createHash('sha256').update(a.secret).digest('hex'));
    await expect(generate({ projectId: '' })).rejects.toThrow(/projectId/);
  });
});
