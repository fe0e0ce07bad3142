/**
 * Resolver code is bounded in time and memory (docs/local-runtime.md): code that freezes a thread in a
 * native builtin or allocates without end, run through EvaluateCode or by a resolver serving a request,
 * gets an error at the bound while the runtime goes on answering other requests, during and after.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { AppSyncClient, EvaluateCodeCommand } from '@aws-sdk/client-appsync';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { bundlesFromCode } from '../../support/bundles.ts';
import { useLocalRuntime } from '../../support/runtime.ts';
import { FUNCTIONS, MANIFEST, RESOLVERS, SCHEMA } from '../graphql/fixture.ts';

const TIMEOUT_MS = 4000;
const STEPS = JSON.stringify(Array.from({ length: 64 }, (_, i) => i));

/** Each blow-up by name; `redos` spends its time in the regex engine, without allocating. */
const HOSTILE = `import { util } from '@aws-appsync/utils';
export function request(ctx) {
  const kind = ctx.args.kind;
  if (kind === 'fill') { return { payload: { id: String(new Array(5e7).fill(1).length) } }; }
  if (kind === 'concat') { let a = [1]; for (const i of ${STEPS}) { a = a.concat(a); } return { payload: { id: String(a.length) } }; }
  if (kind === 'join') { return { payload: { id: String(new Array(1e8).join('xyz').split('').length) } }; }
  if (kind === 'double') { let s = 'x'; for (const i of ${STEPS}) { s = s + s; } return { payload: { id: s.toUpperCase() } }; }
  if (kind === 'redos') { return { payload: { id: ('a'.concat(${JSON.stringify('a'.repeat(40))}, '!')).replace('^(a+)+$', 'y') } }; }
  util.error('unknown kind ' + kind);
  return {};
}
export function response(ctx) { return ctx.result; }`;

const rt = useLocalRuntime({
  app: { schemaSource: SCHEMA, manifest: MANIFEST, bundles: bundlesFromCode({ ...RESOLVERS, 'Query.fail': HOSTILE }, FUNCTIONS), limits: { timeoutMs: TIMEOUT_MS } },
});

// A worker stopped by the test before is replaced in the background: start each test with all running.
beforeEach(() => rt.runtime.app.ready());

const client = () =>
  new AppSyncClient({
    endpoint: rt.runtime.urls.evaluateCode,
    region: 'us-east-1',
    credentials: { ...rt.runtime.iamCredentials },
    requestHandler: new NodeHttpHandler({ httpsAgent: rt.agent }),
  });

const evaluate = (kind: string) =>
  client().send(new EvaluateCodeCommand({ runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' }, code: HOSTILE, context: JSON.stringify({ arguments: { kind } }), function: 'request' }));

/** Ordinary requests, one after another, each answered normally; resolves with how many were answered. */
async function ordinary(count: number, order: string[]): Promise<void> {
  const token = await rt.token('max@taskwire.local');
  for (let i = 0; i < count; i++) {
    expect(await rt.post({ query: 'query Q($v: String) { echo(value: $v) }', variables: { v: `still here ${i}` } }, token)).toEqual({
      status: 200,
      json: { data: { echo: `still here ${i}` } },
    });
  }
  order.push('ordinary');
}

const BOUND = /^(ExecutionTimeout: Execution timed out: request ran longer than 4000 ms|RuntimeError: Out of memory: request used more memory than the APPSYNC_JS runtime allows|RangeError: Invalid (array|string) length)$/;

describe('EvaluateCode', () => {
  for (const kind of ['fill', 'concat', 'join', 'double']) {
    it(`answers ${kind} blow-up with an error at the bound while other requests are answered`, async () => {
      const order: string[] = [];
      const hostile = evaluate(kind).then((out) => (order.push('hostile'), out));
      await ordinary(2, order);
      const out = await hostile;
      expect(out.evaluationResult).toBeUndefined();
      expect(out.error?.message).toMatch(BOUND);
      await ordinary(1, order);
    });
  }

  it('stops code stuck in a native call (regex backtracking) at the time limit; requests sent meanwhile are answered first', async () => {
    const order: string[] = [];
    const hostile = evaluate('redos').then((out) => (order.push('hostile'), out));
    await ordinary(3, order);
    const out = await hostile;
    expect(order).toEqual(['ordinary', 'hostile']);
    expect(out.error).toMatchObject({
      message: 'ExecutionTimeout: Execution timed out: request ran longer than 4000 ms',
      codeErrors: [{ errorType: 'RUNTIME_ERROR' }],
    });
    expect((await evaluate('nothing')).error?.message).toBe('unknown kind nothing');
  });
});

describe('a resolver serving a request', () => {
  const fail = async (kind: string) => rt.post({ query: `{ fail(kind: "${kind}") { id } }` }, await rt.token('max@taskwire.local'));

  for (const kind of ['fill', 'concat', 'redos']) {
    it(`answers ${kind} with a field error at the bound while other requests are answered`, async () => {
      const order: string[] = [];
      const hostile = fail(kind).then((res) => (order.push('hostile'), res));
      await ordinary(kind === 'redos' ? 3 : 2, order);
      const res = await hostile;
      if (kind === 'redos') expect(order).toEqual(['ordinary', 'hostile']);
      expect(res.status).toBe(200);
      const { data, errors } = res.json as { data: unknown; errors: { errorType: string; message: string }[] };
      // The request's own time limit answers for the whole request; a stopped worker for the field.
      expect([null, { fail: null }]).toContainEqual(data);
      expect(errors).toHaveLength(1);
      expect(`${errors[0]!.errorType}: ${errors[0]!.message}`).toMatch(
        /^(ExecutionTimeout: Execution timed out\.|RuntimeError: Out of memory: request used more memory than the APPSYNC_JS runtime allows|RangeError: Invalid array length)$/,
      );
      await ordinary(1, order);
    });
  }
});
