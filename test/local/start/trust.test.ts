import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../../support/runtime.ts';
import { createLambdaRunner } from '../../../local/lambdas.ts';
import { LOCAL_TABLE_NAME } from '../../../model/table.ts';

// In-process Lambda functions reach the runtime over HTTPS with plain fetch (as on AWS): the test run's
// local CA is trusted by the worker (test/global-setup.ts) and the runtime serves a certificate from it.
const rt = useLocalRuntime();

describe('the local CA', () => {
  it('is trusted by plain fetch in a test worker, and the runtime answers over it', async () => {
    expect(process.env.NODE_EXTRA_CA_CERTS).toBe(rt.runtime.caCertPath);
    const res = await fetch(rt.runtime.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] });
    expect(rt.runtime.lambdas.environmentOf('workers').APPSYNC_URL).toBe(rt.runtime.urls.graphql);
    expect(process.env.AWS_ENDPOINT_URL_S3).toBe(rt.runtime.urls.s3);
  });
});

describe('each function’s environment', () => {
  it('holds exactly the resource variables its manifest entry uses, and none goes to the whole process', () => {
    expect(Object.keys(rt.runtime.lambdas.environmentOf('workers')).sort()).toEqual(['APPSYNC_URL', 'ATTACHMENTS_BUCKET', 'TABLE_NAME']);
    expect(rt.runtime.lambdas.environmentOf('members')).toEqual({ USER_POOL_ID: rt.runtime.pool.userPoolId });
    expect(rt.runtime.lambdas.environmentOf('tokens')).toEqual({});
    expect(process.env.APPSYNC_URL).toBeUndefined();
    expect(process.env.USER_POOL_ID).toBeUndefined();
  });

  it('is what a handler reads from process.env while it runs, and only while it runs', async () => {
    const runner = createLambdaRunner({
      region: 'us-east-1',
      accountId: '000000000000',
      defs: { probe: { entry: 'test/local/start/fixtures/env-probe.ts', description: 'probe', timeoutSeconds: 5, uses: { table: 'read', appsync: 'publish' } } },
    });
    const seen = await (await runner.handler('probe'))({});
    expect(seen).toEqual({ TABLE_NAME: LOCAL_TABLE_NAME, APPSYNC_URL: rt.runtime.urls.graphql, hasUserPool: false, keys: ['APPSYNC_URL', 'TABLE_NAME'] });
    expect(process.env.TABLE_NAME).toBeUndefined();
  });

  it('stays each running function’s own while others start and end around it, and leaves with the last', async () => {
    const probe = { entry: 'test/local/start/fixtures/env-probe.ts', description: 'probe', timeoutSeconds: 5 };
    const runner = createLambdaRunner({
      region: 'us-east-1',
      accountId: '000000000000',
      defs: { reader: { ...probe, uses: { table: 'read' } }, inviter: { ...probe, uses: { userPool: 'admin' } } },
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const long = (await runner.handler('reader'))({ gate });
    // Another function starts and settles while the first one waits: the first keeps its own variables.
    const short = await (await runner.handler('inviter'))({});
    expect(short).toEqual({ TABLE_NAME: undefined, APPSYNC_URL: undefined, hasUserPool: true, keys: ['USER_POOL_ID'] });
    release();
    expect(await long).toEqual({ TABLE_NAME: LOCAL_TABLE_NAME, APPSYNC_URL: undefined, hasUserPool: false, keys: ['TABLE_NAME'] });
    // A handler that throws leaves the scope too; then, with nothing running, the process's variables.
    expect(() => runner.runAs('reader', () => { throw new Error('boom'); })).toThrow('boom');
    await expect(runner.runAs('reader', async () => { throw new Error('async boom'); })).rejects.toThrow('async boom');
    expect(runner.runAs('reader', () => process.env.TABLE_NAME)).toBe(LOCAL_TABLE_NAME);
    expect(process.env.TABLE_NAME).toBeUndefined();
    expect(process.env.USER_POOL_ID).toBeUndefined();
  });
});
