/**
 * Lambda `tokens` (data source of createIntegrationToken's pipeline): generates an integration token.
 * AppSync sends the Invoke payload as the event: { projectId }. Returns
 *   { tokenId, secret, secretHash, prefix, token }   (token = `twk_<projectId>_<tokenId>_<secret>`)
 * It has no side effects (nothing is stored here), so a retried invocation is harmless: the pipeline
 * stores only the hash of the secret it finally receives.
 */
import { formatToken, hashSecret, newSecret, ulid } from '../lib/tokens.ts';
import type { GeneratedToken, TokensEvent } from './contract.ts';

export type { GeneratedToken, TokensEvent } from './contract.ts';

export async function handler(event: TokensEvent): Promise<GeneratedToken> {
  if (!event || typeof event.projectId !== 'string' || event.projectId.length === 0) {
    throw new Error('tokens: payload.projectId is required');
  }
  const tokenId = ulid();
  const secret = newSecret();
  return {
    tokenId,
    secret,
    secretHash: hashSecret(secret),
    prefix: secret.slice(0, 8),
    token: formatToken(event.projectId, tokenId, secret),
  };
}
