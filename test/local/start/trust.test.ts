import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../../support/runtime.ts';

// In-process Lambda functions reach the runtime over HTTPS with plain fetch (as on AWS): the test run's
// local CA is trusted by the worker (test/global-setup.ts) and the runtime serves a certificate from it.
const rt = useLocalRuntime();

describe('the local CA', () => {
  it('is trusted by plain fetch in a test worker, and the runtime answers over it', async () => {
    expect(process.env.NODE_EXTRA_CA_CERTS).toBe(rt.runtime.caCertPath);
    const res = await fetch(rt.runtime.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] });
    expect(process.env.APPSYNC_URL).toBe(rt.runtime.urls.graphql);
    expect(process.env.AWS_ENDPOINT_URL_S3).toBe(rt.runtime.urls.s3);
  });
});
