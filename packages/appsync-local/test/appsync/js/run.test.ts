import { describe, expect, it } from 'vitest';
import { compileResolverCode, runHandler } from '../../../src/appsync/js/index.ts';
import { compile, makeContext } from './helpers.ts';
import { CONTEXT_JSON_CACHE } from '../../../src/appsync/js/run.ts';

const handler = (body: string, imports = "import { util, runtime, extensions } from '@aws-appsync/utils';") =>
  compile(`${imports}\nexport function request(ctx) {\n${body}\n}\nexport function response(ctx) { return ctx.result; }`);

describe('runHandler', () => {
  it('returns the handler value as plain data and threads the stash', () => {
    const c = handler('ctx.stash.seen = ctx.args.id; return { id: ctx.args.id, same: ctx.args === ctx.arguments };');
    const out = runHandler(c, 'request', makeContext({ arguments: { id: 't1' }, stash: { before: true } }));
    expect(out.value).toEqual({ id: 't1', same: true });
    expect(out.stash).toEqual({ before: true, seen: 't1' });
    expect(Object.getPrototypeOf(out.value)).toBe(Object.prototype);
  });

  it('hides the selection set from JSON.stringify but lets handlers read it', () => {
    const c = handler('return { json: JSON.stringify(ctx.info), list: ctx.info.selectionSetList, gql: ctx.info.selectionSetGraphQL };');
    const out = runHandler(c, 'request', makeContext());
    expect(out.value).toEqual({
      json: JSON.stringify({ fieldName: 'task', parentTypeName: 'Query', variables: {} }),
      list: ['id', 'title'],
      gql: '{ id title }',
    });
  });

  it('records util.error as raised, aborting the handler, and keeps appended errors', () => {
    const c = handler("util.appendError('first', 'Warn', { a: 1 });\nutil.error('boom', 'Custom', null, { why: 1 });\nreturn 'unreached';");
    const out = runHandler(c, 'request', makeContext());
    expect(out.value).toBeUndefined();
    expect(out.raised).toEqual({ message: 'boom', type: 'Custom', data: null, errorInfo: { why: 1 } });
    expect(out.appendedErrors).toEqual([{ message: 'first', type: 'Warn', data: { a: 1 }, errorInfo: null }]);
  });

  it('treats util.error with non-string arguments as a silent no-op', () => {
    const out = runHandler(handler("util.error({ m: 1 });\nreturn 'continued';"), 'request', makeContext());
    expect(out.raised).toBeUndefined();
    expect(out.value).toBe('continued');
  });

  it('util.unauthorized names the field and parent type', () => {
    const out = runHandler(handler('util.unauthorized();'), 'request', makeContext());
    expect(out.raised).toEqual({ message: 'Not Authorized to access task on type Query', type: 'Unauthorized', data: null, errorInfo: null });
  });

  it('runtime.earlyReturn records the value and skipTo', () => {
    const c = handler("ctx.stash.a = 1;\nif (ctx.args.next) runtime.earlyReturn({ x: 1 }, { skipTo: 'NEXT' });\nruntime.earlyReturn();");
    expect(runHandler(c, 'request', makeContext({ arguments: { next: true } }))).toMatchObject({ earlyReturn: { value: { x: 1 }, skipTo: 'NEXT' }, stash: { a: 1 } });
    expect(runHandler(c, 'request', makeContext()).earlyReturn).toEqual({ value: null, skipTo: 'NEXT' });
  });

  it('records extensions calls', () => {
    const c = handler(
      "extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ projectId: { eq: 'p1' } }));\n" +
        "extensions.invalidateSubscriptions({ subscriptionField: 'onTask', payload: { id: 't1' } });\nreturn null;",
    );
    const out = runHandler(c, 'request', makeContext());
    expect(out.subscriptionFilter).toEqual({ filterGroup: [{ filters: [{ fieldName: 'projectId', operator: 'eq', value: 'p1' }] }] });
    expect(out.invalidations).toEqual([{ subscriptionField: 'onTask', payload: { id: 't1' } }]);
  });

  it('sends console.log to logs in AppSync format with the call site', () => {
    const c = compile("export function request(ctx) {\n  console.log('current id', ctx.args.id);\n  return {};\n}\nexport function response(ctx) { return 1; }", 'code.js');
    expect(runHandler(c, 'request', makeContext({ arguments: { id: 'record-id' } })).logs).toEqual(['INFO - code.js:3:3: "current id" "record-id"']);
  });

  it('reports runtime failures as a codeError with the location', () => {
    const out = runHandler(handler('const a = ctx.args.missing;\nreturn a.b;'), 'request', makeContext());
    expect(out.codeError?.errorType).toBe('TypeError');
    expect(out.codeError?.message).toMatch(/Cannot read properties of undefined/);
    expect(out.codeError?.location?.line).toBe(4);
  });

  it('stops a handler that runs too long', () => {
    const c = handler('const big = new Array(100000).fill(1);\nlet n = 0;\nfor (const a of big) { for (const b of big) { n += a * b; } }\nreturn n;');
    const out = runHandler(c, 'request', makeContext(), { timeoutMs: 50 });
    expect(out.codeError?.errorType).toBe('ExecutionTimeout');
  });

  it('refuses evaluated output over 5 MB', () => {
    const out = runHandler(handler("return new Array(6 * 1024 * 1024).fill('x').join('');"), 'request', makeContext());
    expect(out.codeError?.message).toMatch(/5 MB/);
  });

  it('JSON.parse returns "" on invalid input', () => {
    expect(runHandler(handler("return [JSON.parse('{bad'), JSON.parse('{\"a\":1}')];"), 'request', makeContext()).value).toEqual(['', { a: 1 }]);
  });

  it('String replace/replaceAll take the pattern as a Java regex', () => {
    const out = runHandler(handler("return ['a.b.c'.replace('\\\\.', '-'), 'a1b22'.replaceAll('[0-9]+', '#'), 'ab'.replace('(a)(b)', '$2$1')];"), 'request', makeContext());
    expect(out.value).toEqual(['a-b.c', 'a#b#', 'ba']);
  });

  it('gives each call fresh module state', () => {
    const c = compile('const seen = [];\nexport function request(ctx) { seen.push(1); return seen.length; }\nexport function response(ctx) { return 1; }');
    runHandler(c, 'request', makeContext());
    expect(runHandler(c, 'request', makeContext()).value).toBe(1);
  });

  it('sees the same ctx when a run shares one JSON cache across handlers, and handlers still get copies', () => {
    const c = compile(
      'export function request(ctx) { const seen = JSON.stringify([Object.keys(ctx), ctx]); ctx.identity.sub = "changed"; ctx.prev.result.n = 99; ctx.stash.k = (ctx.stash.k ?? 0) + 1; return seen; }\n' +
        'export function response(ctx) { return 1; }',
    );
    const identity = { sub: 'u1', issuer: 'i', username: 'u', claims: { a: [1, 'x'] }, sourceIp: ['127.0.0.1'], groups: null, defaultAuthStrategy: 'ALLOW' as const };
    const shared = makeContext({ arguments: { id: 't1' }, identity, prev: { result: { n: 1, list: ['a'] } }, result: { r: true }, error: null, env: { A: '1' } });
    const plain = runHandler(c, 'request', shared);
    const cache = new WeakMap<object, string>();
    let ctx = { ...shared, [CONTEXT_JSON_CACHE]: cache } as typeof shared;
    const first = runHandler(c, 'request', ctx);
    expect(first.value).toBe(plain.value);
    // The next handler of the run: same objects, the stash the first one returned.
    ctx = { ...ctx, stash: first.stash! };
    const second = runHandler(c, 'request', ctx);
    expect(JSON.parse(second.value as string)[1]).toEqual({ ...JSON.parse(plain.value as string)[1], stash: { k: 1 } });
    expect(second.stash).toEqual({ k: 2 });
    expect(identity.sub).toBe('u1');
    // Without a prev, or with undefined members, the JSON is what JSON.stringify writes.
    const bare = runHandler(c, 'request', { ...makeContext({ prev: { result: undefined } }), [CONTEXT_JSON_CACHE]: new WeakMap() } as never);
    expect(bare.codeError?.errorType).toBe('TypeError'); // ctx.prev.result is undefined: writing .n fails, as without the cache
  });
});

describe('sandbox isolation', () => {
  const escapes: [string, string][] = [
    ['process', 'return typeof process;'],
    ['require', 'return typeof module + typeof exports;'],
    ['globalThis', 'return typeof globalThis;'],
    ['Reflect/Proxy', 'return [typeof Reflect, typeof Proxy, typeof Function, typeof eval].join();'],
  ];
  it.each(escapes)('does not expose %s', (_name, body) => {
    const out = runHandler(handler(body), 'request', makeContext());
    expect(String(out.value)).toMatch(/^(undefined,?)+$/);
  });

  it('does not expose require to unbundled code', () => {
    const c = compileResolverCode('export function request(ctx) { return typeof require; }', { fileName: 'raw.js' });
    expect(runHandler(c, 'request', makeContext()).value).toBe('undefined');
  });

  it('cannot reach the host Function through constructors', () => {
    const out = runHandler(handler("const F = util.error.constructor;\nreturn F('return process')();"), 'request', makeContext());
    expect(out.value).toBeUndefined();
    expect(out.codeError).toBeDefined();
    const viaCtx = runHandler(handler("return ctx.constructor.constructor('return process')();"), 'request', makeContext());
    expect(viaCtx.codeError).toBeDefined();
  });

  it('removes denied methods from the intrinsics at run time too', () => {
    const out = runHandler(handler('const o = Object;\nconst k = "getPrototypeOf";\nreturn [typeof o[k], typeof [].values, typeof "".padStart];'), 'request', makeContext());
    expect(out.value).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('does not let one call plant state on built-ins for the next', () => {
    const c = handler('const a = Array;\na.prototype.planted = 1;\nreturn 1;');
    expect(runHandler(c, 'request', makeContext()).codeError?.errorType).toBe('TypeError');
    const probe = runHandler(handler('const x = [];\nreturn typeof x.planted;'), 'request', makeContext());
    expect(probe.value).toBe('undefined');
  });
});
