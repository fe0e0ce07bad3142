/**
 * WorkerPool pipelining (js/worker-pool.ts): calls dispatched together share a message and a worker
 * holds several at once, yet every call gets exactly its own answer, a slow call holds up none of the
 * calls queued behind it (they are taken back and served by the other worker), and a call stopped at
 * its time limit takes no other call down with it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runHandler } from '../../../src/appsync/js/index.ts';
import { WorkerPool } from '../../../src/appsync/js/worker-pool.ts';
import { compile, makeContext } from './helpers.ts';

const TIMEOUT_MS = 1500;
const pool = new WorkerPool({ size: 2, timeoutMs: TIMEOUT_MS, graceMs: 300 });
afterAll(() => pool.close());

const BUSY = `function busy(ms) {
  const end = util.time.nowEpochMilliSeconds() + ms;
  const row = new Array(1000).fill(0);
  for (const a of row) { for (const b of row) { for (const c of row) { if (util.time.nowEpochMilliSeconds() >= end) { return; } } } }
}`;

const code = (request: string) =>
  compile(`import { util } from '@aws-appsync/utils';\n${BUSY}\nexport function request(ctx) {\n${request}\n}\nexport function response(ctx) { return ctx.result; }`);

const echo = code("ctx.stash.seen = ctx.args.n; console.log('call', ctx.args.n); return { n: ctx.args.n, twice: ctx.args.n * 2 };");

describe('WorkerPool pipelining', () => {
  it('answers many calls dispatched at once, each with its own outcome', async () => {
    const ctxs = Array.from({ length: 60 }, (_, n) => makeContext({ arguments: { n } }));
    const outcomes = await Promise.all(ctxs.map((ctx) => pool.runHandler(echo, 'request', ctx)));
    outcomes.forEach((outcome, n) => {
      expect(outcome).toEqual(runHandler(echo, 'request', ctxs[n]!));
      expect(outcome.value).toEqual({ n, twice: n * 2 });
    });
  });

  it('a slow call holds up none of the calls dispatched after it', async () => {
    await pool.ready();
    const slow = code(`busy(${TIMEOUT_MS * 0.6}); return 'slow done';`);
    const order: string[] = [];
    const slowDone = pool.runHandler(slow, 'request', makeContext()).then((o) => {
      order.push('slow');
      return o;
    });
    // Dispatched together with the slow one: some of them first land behind it on its worker.
    const quick = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        pool.runHandler(echo, 'request', makeContext({ arguments: { n } })).then((o) => {
          order.push('quick');
          return o;
        }),
      ),
    );
    expect(quick.map((o) => o.value)).toEqual(Array.from({ length: 12 }, (_, n) => ({ n, twice: n * 2 })));
    expect((await slowDone).value).toBe('slow done');
    expect(order.indexOf('slow')).toBe(order.length - 1);
  });

  it('a call stopped at its time limit takes no call queued behind it down with it', async () => {
    await pool.ready();
    // Native work the sandbox's own deadline check cannot interrupt: the pool stops the worker.
    const frozen = code("return new Array(2e7).fill('x').join('').length + new Array(2e7).fill('y').join('').length + new Array(2e7).fill('z').join('').length;");
    const stopped = pool.runHandler(frozen, 'request', makeContext());
    const after = await Promise.all(Array.from({ length: 8 }, (_, n) => pool.runHandler(echo, 'request', makeContext({ arguments: { n } }))));
    expect(after.map((o) => o.value)).toEqual(Array.from({ length: 8 }, (_, n) => ({ n, twice: n * 2 })));
    const outcome = await stopped;
    // Either it finished within the limit on this machine, or it was stopped with AppSync's errors for it.
    if (outcome.codeError) expect(outcome.codeError.errorType).toMatch(/ExecutionTimeout|RuntimeError|RangeError/);
    await pool.ready();
    expect((await pool.runHandler(echo, 'request', makeContext({ arguments: { n: 99 } }))).value).toEqual({ n: 99, twice: 198 });
  });
});
