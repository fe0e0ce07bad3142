/**
 * API_KEY: the `x-api-key` header against the API's keys. AppSync keys carry an `expires` time
 * (epoch seconds, rounded down to the hour by AppSync when the key is made); a key stops working once
 * that time has passed. An unknown or expired key is refused with 401 UnauthorizedException; AWS does
 * not publish distinct wording for the two cases, so both get "You are not authorized to make this call."
 * Keys are compared in constant time.
 */
import type { AuthResult } from '../types.ts';
import { unauthorized } from './errors.ts';
import { safeEqual } from './request.ts';

export interface ApiKeyConfig {
  /** The key itself (AppSync calls it the key `id`, e.g. `da2-…`). */
  id: string;
  /** Epoch seconds after which the key is refused. */
  expires: number;
  description?: string;
}

export interface ApiKeyVerifier {
  verify(key: string): AuthResult;
}

export function createApiKeyVerifier(keys: ApiKeyConfig[], now: () => number = Date.now): ApiKeyVerifier {
  return {
    verify(key) {
      // Check every key (no early exit) so timing does not reveal which prefix matched.
      let match: ApiKeyConfig | undefined;
      for (const k of keys) if (safeEqual(k.id, key)) match = k;
      if (!match || match.expires * 1000 <= now()) throw unauthorized();
      return { mode: 'API_KEY', identity: null };
    },
  };
}
