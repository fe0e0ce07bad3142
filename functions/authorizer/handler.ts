/**
 * AppSync Lambda authorizer (AWS_LAMBDA auth mode): resolves project-scoped integration tokens.
 *
 * Event (AppSync): { authorizationToken, requestContext: { apiId, accountId, requestId, queryString,
 * operationName, variables }, requestHeaders }. The token is `twk_<projectId>_<tokenId>_<secret>`
 * (optionally prefixed `Bearer `). It reads the token item (PROJECT#p / TOKEN#t) with a strongly
 * consistent GetItem, compares sha256(secret) with the stored hash in constant time, and denies
 * revoked or unknown tokens. Answer:
 *   { isAuthorized: true, resolverContext: { tokenId, projectId, scope }, ttlOverride: 0 }
 * ttlOverride 0: AppSync never caches the answer, so a revocation applies to the very next request.
 * Env: TABLE_NAME; the SDK's AWS_ENDPOINT_URL_DYNAMODB locally.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { tokenKey } from '../../model/keys.ts';
import { dynamoDbClient } from '../lib/clients.ts';
import { requireEnv } from '../lib/env.ts';
import { hashSecret, parseToken, sameHash } from '../lib/tokens.ts';

export interface AuthorizerEvent {
  authorizationToken: string;
  requestContext?: Record<string, unknown>;
  requestHeaders?: Record<string, string>;
}

export interface AuthorizerResult {
  isAuthorized: boolean;
  resolverContext?: { tokenId: string; projectId: string; scope: 'READ' | 'READ_WRITE' };
  deniedFields?: string[];
  ttlOverride: number;
}

const DENY: AuthorizerResult = { isAuthorized: false, ttlOverride: 0 };

export async function handler(event: AuthorizerEvent): Promise<AuthorizerResult> {
  const parsed = parseToken(event?.authorizationToken);
  if (!parsed) return DENY;
  const key = tokenKey(parsed.projectId, parsed.tokenId);
  const { Item } = await dynamoDbClient().send(
    new GetItemCommand({
      TableName: requireEnv('TABLE_NAME'),
      Key: { PK: { S: key.PK }, SK: { S: key.SK } },
      ConsistentRead: true,
    }),
  );
  if (!Item) return DENY;
  const token = unmarshall(Item) as {
    id: string;
    projectId: string;
    scope: 'READ' | 'READ_WRITE';
    secretHash?: string;
    revoked?: boolean;
  };
  if (!token.secretHash || !sameHash(hashSecret(parsed.secret), token.secretHash)) return DENY;
  if (token.revoked) return DENY;
  if (token.scope !== 'READ' && token.scope !== 'READ_WRITE') return DENY;
  return {
    isAuthorized: true,
    resolverContext: { tokenId: token.id, projectId: token.projectId, scope: token.scope },
    ttlOverride: 0,
  };
}
