import { describe, expect, it } from 'vitest';
import { createApiKeyVerifier } from '../../../src/appsync/auth/apikey.ts';
import { Refusal, MESSAGES } from '../../../src/appsync/auth/errors.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const hour = 3600;
const keys = [
  { id: 'da2-livekey0000000000000000', expires: NOW / 1000 + hour },
  { id: 'da2-oldkey00000000000000000', expires: NOW / 1000 - hour },
];

function refused(fn: () => unknown): Refusal {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(Refusal);
  const r = caught as Refusal;
  expect(r.statusCode).toBe(401);
  expect(r.body()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: MESSAGES.notAuthorized }] });
  return r;
}

describe('API keys', () => {
  it('accepts a live key with a null identity', () => {
    expect(createApiKeyVerifier(keys, () => NOW).verify('da2-livekey0000000000000000')).toEqual({ mode: 'API_KEY', identity: null });
  });

  it('refuses an expired key, an unknown key, a prefix and an empty key', () => {
    const v = createApiKeyVerifier(keys, () => NOW);
    refused(() => v.verify('da2-oldkey00000000000000000'));
    refused(() => v.verify('da2-unknown'));
    refused(() => v.verify('da2-livekey'));
    refused(() => v.verify(''));
  });

  it('a key stops working at its expiry time', () => {
    const expires = keys[0]!.expires * 1000;
    expect(createApiKeyVerifier(keys, () => expires - 1).verify(keys[0]!.id).mode).toBe('API_KEY');
    refused(() => createApiKeyVerifier(keys, () => expires).verify(keys[0]!.id));
  });
});
