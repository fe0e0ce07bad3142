/**
 * WorkerPool.runChain (js/worker-pool.ts): handlers with no data source between them run in one round
 * trip to a worker, and each reports exactly what it would have reported run on its own (runHandler in
 * this thread, with the ctx resolve.ts builds for it), each with its own time limit; the chain stops at
 * the first handler that does not return plainly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runHandler } from '../../../src/appsync/js/index.ts';
import { WorkerPool } from '../../../src/appsync/js/worker-pool.ts';
import { CONTEXT_JSON_CACHE } from '../../../src/appsync/js/run.ts';
import type { ContextInput } from '../../../src/appsync/types.ts';
import { compile, makeContext } from './helpers.ts';

const TIMEOUT_MS = 1500;
const pool = new WorkerPool({ size: 1, timeoutMs: TIMEOUT_MS, graceMs: 300 });
afterAll(() => pool.close());

const BUSY = `function busy(ms) {
  const end = util.time.nowEpochMilliSeconds() + ms;
  const row = new Array(1000).fill(0);
  for (const a of row) { for (const b of row) { for (const c of row) { if (util.time.nowEpochMilliSeconds() >= end) { return; } } } }
}`;

const code = (request: string, response: string) =>
  compile(`import { util, runtime } from '@aws-appsync/utils';\n${BUSY}\nexport function request(ctx) {\n${request}\n}\nexport function response(ctx) {\n${response}\n}`);

/** The run's base ctx, with the JSON cache resolve.ts gives a run. */
const baseCtx = (): ContextInput => ({ ...makeContext({ arguments: { id: 't1' } }), [CONTEXT_JSON_CACHE]: new WeakMap() }) as ContextInput;

describe('WorkerPool.runChain', () => {
  it('runs the next handler with the previous one\'s stash and value, reporting each as runHandler would', async () => {
    const a = code("ctx.stash.a = ctx.args.id; util.appendError('noted', 'Note'); console.log('in a'); return { v: [1, 'x'], n: null };", 'return ctx.result;');
    const b = code('return {};', "ctx.stash.b = true; console.log('in b'); return { prev: ctx.prev.result, result: ctx.result, stash: ctx.stash, error: ctx.error ?? 'none' };");
    const base = baseCtx();
    const outcomes = await pool.runChain(a, 'request', { ...base, stash: {} }, [{ compiled: b, name: 'response', withResult: true }], [{ ok: 1 }], base);
    expect(outcomes).toHaveLength(2);
    expect(outcomes.failure).toBeUndefined();

    // The same two handlers run one by one in this thread, with the ctx resolve.ts builds.
    const local = baseCtx();
    const first = runHandler(a, 'request', { ...local, stash: {} });
    const second = runHandler(b, 'response', { ...local, prev: { result: first.value }, result: first.value, stash: first.stash! });
    expect(outcomes[0]).toEqual(first);
    expect(outcomes[1]).toEqual(second);
    expect(outcomes[1]!.value).toEqual({ prev: { v: [1, 'x'], n: null }, result: { v: [1, 'x'], n: null }, stash: { a: 't1', b: true }, error: 'none' });
    expect(outcomes[0]!.appendedErrors).toHaveLength(1);
  });

  it('stops at an early return, util.error or error (the next handler does not run)', async () => {
    const next = code("ctx.stash.ran = true; return 'ran';", 'return ctx.result;');
    for (const body of ["runtime.earlyReturn('early');", "util.error('boom', 'Boom');", 'return ctx.args.missing.deeper;']) {
      const base = baseCtx();
      const outcomes = await pool.runChain(code(body, 'return ctx.result;'), 'request', { ...base, stash: {} }, [{ compiled: next, name: 'request', withResult: false }], [{ ok: 1 }], base);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]!.value).toBeUndefined();
      expect(outcomes[0]!.stash).toEqual({});
    }
  });

  it('goes on after an early return to the handler named for its skipTo, with the early return\'s value as prev.result', async () => {
    const early = code("ctx.stash.e = 1; runtime.earlyReturn({ got: ctx.args.id, list: [1, null] }, { skipTo: 'END' });", 'return ctx.result;');
    const skipped = code("return 'must not run';", 'return ctx.result;');
    const last = code('return {};', 'return { prev: ctx.prev.result, result: ctx.result, stash: ctx.stash };');
    const base = baseCtx();
    const next = [
      { compiled: skipped, name: 'request' as const, withResult: false },
      { compiled: last, name: 'response' as const, withResult: true },
    ];
    const outcomes = await pool.runChain(early, 'request', { ...base, stash: {} }, next, [{ ok: 1, NEXT: 1, END: 2 }, {}, {}], base);
    expect(outcomes.steps).toEqual([0, 2]);
    const local = baseCtx();
    const first = runHandler(early, 'request', { ...local, stash: {} });
    const value = first.earlyReturn!.value;
    expect(outcomes[0]).toEqual(first);
    expect(outcomes[1]).toEqual(runHandler(last, 'response', { ...local, prev: { result: value }, result: value, stash: first.stash! }));
    expect(outcomes[1]!.value).toEqual({ prev: { got: 't1', list: [1, null] }, result: { got: 't1', list: [1, null] }, stash: { e: 1 } });
  });

  it('gives each handler its own time limit: two that together outlast one limit both finish', async () => {
    const slow = code(`busy(${TIMEOUT_MS * 0.7}); ctx.stash.n = (ctx.stash.n ?? 0) + 1; return ctx.stash.n;`, 'return ctx.result;');
    const base = baseCtx();
    const outcomes = await pool.runChain(slow, 'request', { ...base, stash: {} }, [{ compiled: slow, name: 'request', withResult: false }], [{ ok: 1 }], base);
    expect(outcomes.map((o) => [o.value, o.codeError])).toEqual([[1, undefined], [2, undefined]]);
  });

  it('stops a chained handler stuck in a native call at its bound, keeping what the handler before it reported', async () => {
    const noted = code("util.appendError('noted', 'Note'); return {};", 'return ctx.result;');
    const stuck = code(`return { id: ('a'.concat(${JSON.stringify('a'.repeat(40))}, '!')).replace('^(a+)+$', 'y') };`, 'return ctx.result;');
    const base = baseCtx();
    const started = Date.now();
    const outcomes = await pool.runChain(noted, 'request', { ...base, stash: {} }, [{ compiled: stuck, name: 'request', withResult: false }], [{ ok: 1 }], base);
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(outcomes).toHaveLength(2);
    expect(outcomes[0]!.appendedErrors).toMatchObject([{ message: 'noted', type: 'Note' }]);
    expect(outcomes[1]!.codeError).toEqual({ errorType: 'ExecutionTimeout', message: `Execution timed out: request ran longer than ${TIMEOUT_MS} ms` });
    // A new worker answers the next call.
    expect((await pool.runHandler(noted, 'request', { ...baseCtx(), stash: {} })).value).toEqual({});
  });
});
