/**
 * Integration tokens. The bearer string is `twk_<projectId>_<tokenId>_<secret>` (ids are ULIDs and the
 * secret is hex, so `_` separates unambiguously); only SHA-256(secret) is stored (`secretHash`), and
 * `prefix` (first 8 characters of the secret) tells tokens apart. functions/tokens generates them,
 * functions/authorizer checks them.
 *   withoutSecret(item)   the item as the API returns it (no hash, no key attributes)
 */
import type { IntegrationToken } from '../../types/graphql.ts';

export function withoutSecret(t: IntegrationToken & { secretHash?: string }): IntegrationToken {
  return {
    id: t.id,
    projectId: t.projectId,
    name: t.name,
    scope: t.scope,
    prefix: t.prefix,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    revoked: t.revoked,
    revokedAt: t.revokedAt ?? null,
    version: t.version,
  };
}
