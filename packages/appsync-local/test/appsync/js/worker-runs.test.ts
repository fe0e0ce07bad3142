/**
 * Resolver runs in the workers (js/worker-pool.ts, js/worker.ts): a whole run crosses to a worker once.
 * Each run gets exactly what the same run in this process gets (graphql/resolve.ts with the in-process
 * engine); data sources that live in this process are asked over the channel with the run's ctx; a slow
 * handler holds up none of the runs dispatched after it; a handler stuck in a native call is stopped at
 * its limit by the worker's watchdog, and takes down no run that can be run again; a run that has
 * written is never run twice.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { runHandler, type CompiledCode } from '../../../src/appsync/js/index.ts';
import { WorkerPool } from '../../../src/appsync/js/worker-pool.ts';
import { runResolver, type CompiledResolver, type Engine } from '../../../src/appsync/graphql/resolve.ts';
import { FieldFailure } from '../../../src/appsync/graphql/errors.ts';
import { createNoneDataSource } from '../../../src/appsync/datasources/none.ts';
import { createDynamoDbDataSource, type ConditionHandler } from '../../../src/appsync/datasources/dynamodb.ts';
import { createLocalDynamoDbClient } from '../../../src/services/dynamodb-local.ts';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import type { ContextInput, DataSource, DataSourceInvocation, RaisedError } from '../../../src/appsync/types.ts';
import { compile, makeContext } from './helpers.ts';

const db = useDynamoDbTable();
const TIMEOUT_MS = 1500;
const pool = new WorkerPool({ size: 2, timeoutMs: TIMEOUT_MS, graceMs: 300 });
afterAll(() => pool.close());

const BUSY = `function busy(ms) {
  const end = util.time.nowEpochMilliSeconds() + ms;
  const row = new Array(1000).fill(0);
  for (const a of row) { for (const b of row) { for (const c of row) { if (util.time.nowEpochMilliSeconds() >= end) { return; } } } }
}`;

const code = (request: string, response = 'return ctx.result;') =>
  compile(`import { util, runtime, extensions } from '@aws-appsync/utils';\n${BUSY}\nexport function request(ctx) {\n${request}\n}\nexport function response(ctx) {\n${response}\n}`);

const NONE = createNoneDataSource();
const inProcess: Engine = { runHandler: (c, name, ctx) => runHandler(c as CompiledCode, name, ctx) };

const unit = (c: CompiledCode, dataSource: DataSource = NONE): CompiledResolver => ({ kind: 'UNIT', id: 'Query.task', code: c, dataSource });
const pipeline = (c: CompiledCode, functions: { code: CompiledCode; dataSource: DataSource }[]): CompiledResolver => ({
  kind: 'PIPELINE',
  id: 'Query.task',
  code: c,
  functions: functions.map((f, i) => ({ name: `f${i}`, ...f })),
});

const base = (args: Record<string, unknown> = {}): Omit<ContextInput, 'stash'> => {
  const { stash: _s, ...rest } = makeContext({ arguments: args, identity: { sub: 'u1', username: 'u1', claims: { sub: 'u1' }, issuer: 'x', sourceIp: ['1.2.3.4'], defaultAuthStrategy: 'ALLOW', groups: null }, authMode: 'AMAZON_COGNITO_USER_POOLS' });
  return rest;
};

/** A run's outcome, comparable: its output, or its failure, with what it appended. */
async function settle(run: (onAppend: (e: RaisedError[]) => void) => Promise<unknown>) {
  const appended: RaisedError[] = [];
  try {
    return { output: await run((e) => appended.push(...e)), appended };
  } catch (err) {
    const f = err as FieldFailure;
    return { failure: { message: f.message, type: f.errorType, data: f.data, errorInfo: f.errorInfo }, appended };
  }
}

const here = (r: CompiledResolver, b: Omit<ContextInput, 'stash'>) => settle((a) => runResolver(inProcess, r, b, a));
const there = (r: CompiledResolver, b: Omit<ContextInput, 'stash'>) => settle((a) => pool.runResolver(r, b, a));

/** A data source of this process (no `portable`): records the ctx of each call; answers after `delayMs`. */
function remote(delayMs = 0) {
  const calls: DataSourceInvocation[] = [];
  const ds: DataSource = {
    type: 'AWS_LAMBDA',
    async invoke(call) {
      calls.push(call);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return { result: { echoed: call.request, n: calls.length } };
    },
  };
  return { ds, calls };
}

const echoFn = code("ctx.stash.seen = (ctx.stash.seen ?? 0) + 1; return { payload: { n: ctx.args.n, prev: ctx.prev.result ?? null } };");
const pipe = pipeline(code("ctx.stash.start = ctx.args.n; return {};", 'return { result: ctx.prev.result, stash: ctx.stash, who: ctx.identity.sub, sel: ctx.info.selectionSetList };'), [
  { code: echoFn, dataSource: NONE },
  { code: echoFn, dataSource: NONE },
]);

describe('resolver runs in the workers', () => {
  it('answer many runs dispatched at once, each exactly as the same run in this process', async () => {
    const bases = Array.from({ length: 40 }, (_, n) => base({ n }));
    const outcomes = await Promise.all(bases.map((b) => there(pipe, b)));
    for (const [n, outcome] of outcomes.entries()) {
      expect(outcome).toEqual(await here(pipe, bases[n]!));
      expect((outcome.output as { value: { result: unknown } }).value.result).toEqual({ n, prev: { n, prev: {} } });
    }
  });

  it('report util.error, appended errors, early returns, invalidations and filters as the run in this process does', async () => {
    const cases: CompiledResolver[] = [
      unit(code("util.appendError('noted', 'Note', { a: 1 }, { b: 2 }); return { payload: 1 };", "util.error('no', 'Nope', { x: 1 }, { y: 2 });")),
      unit(code("runtime.earlyReturn({ early: ctx.args.n });")),
      unit(code("extensions.invalidateSubscriptions({ subscriptionField: 'onX', payload: { id: 'a' } }); return { payload: 2 };")),
      unit(code("return { payload: 3 };", "extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ id: { eq: 'a' } })); return null;")),
      pipeline(code('return {};'), [{ code: code("runtime.earlyReturn('skipped', { skipTo: 'END' });"), dataSource: NONE }, { code: echoFn, dataSource: NONE }]),
      unit(code('return ctx.nothing.there;')),
    ];
    for (const r of cases) expect(await there(r, base({ n: 7 }))).toEqual(await here(r, base({ n: 7 })));
  });

  it('ask a data source of this process for its calls, with the run\'s ctx (stash, prev, identity)', async () => {
    const { ds, calls } = remote();
    const r = pipeline(code("ctx.stash.start = 's'; return {};"), [{ code: code("return { step: 1, prev: ctx.prev.result };"), dataSource: ds }]);
    const outcome = await there(r, base({ n: 1 }));
    expect(outcome.output).toMatchObject({ value: { echoed: { step: 1, prev: {} }, n: 1 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.resolverId).toBe('Query.task#0:f0');
    expect(calls[0]!.ctx).toMatchObject({ stash: { start: 's' }, prev: { result: {} }, identity: { sub: 'u1' }, arguments: { n: 1 } });
    expect(calls[0]!.ctx.info.selectionSetList).toEqual(['id', 'title']);
  });

  it('a slow handler holds up none of the runs dispatched after it', async () => {
    await pool.ready();
    const slow = unit(code(`busy(${TIMEOUT_MS * 0.6}); return { payload: 'slow done' };`));
    const quick = unit(code('return { payload: ctx.args.n };'));
    const order: string[] = [];
    const slowDone = there(slow, base()).then((o) => (order.push('slow'), o));
    // Dispatched together with the slow one: some of them first land on its worker.
    const quicks = await Promise.all(Array.from({ length: 12 }, (_, n) => there(quick, base({ n })).then((o) => (order.push('quick'), o))));
    expect(quicks.map((o) => (o.output as { value: unknown }).value)).toEqual(Array.from({ length: 12 }, (_, n) => n));
    expect((await slowDone).output).toMatchObject({ value: 'slow done' });
    expect(order.indexOf('slow')).toBe(order.length - 1);
    // The slow one's worker was sent the quick resolver with runs it gave back before starting them:
    // it still knows that resolver when runs of it come back to it (more runs than the other worker
    // takes at once, so that some go to it).
    const again = await Promise.all(Array.from({ length: 80 }, (_, n) => there(quick, base({ n }))));
    expect(again.map((o) => o.output)).toEqual(Array.from({ length: 80 }, (_, n) => expect.objectContaining({ value: n })));
  });

  it('stops a handler stuck in a native call at its limit, keeping what the run reported before it; runs sent with it are answered', async () => {
    await pool.ready();
    const stuck = pipeline(code('return {};'), [
      { code: code("util.appendError('noted', 'Note'); return { payload: 1 };"), dataSource: NONE },
      { code: code(`return { payload: ('a'.concat(${JSON.stringify('a'.repeat(40))}, '!')).replace('^(a+)+$', 'y') };`), dataSource: NONE },
    ]);
    const quick = unit(code('return { payload: ctx.args.n };'));
    const started = Date.now();
    const stopped = there(stuck, base());
    const others = await Promise.all(Array.from({ length: 8 }, (_, n) => there(quick, base({ n }))));
    expect(others.map((o) => (o.output as { value: unknown }).value)).toEqual(Array.from({ length: 8 }, (_, n) => n));
    const outcome = await stopped;
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(outcome).toEqual({
      failure: { message: `Execution timed out: request ran longer than ${TIMEOUT_MS} ms`, type: 'ExecutionTimeout', data: null, errorInfo: null },
      appended: [{ message: 'noted', type: 'Note', data: null, errorInfo: null }],
    });
    await pool.ready();
    expect((await there(quick, base({ n: 99 }))).output).toMatchObject({ value: 99 });
  });

  it('charge a worker that ran out of memory to the run whose handler was running; runs sent with it are answered', async () => {
    await pool.ready();
    const hog = unit(code(`let a = [1]; for (const i of ${JSON.stringify(Array.from({ length: 64 }, (_, i) => i))}) { a = a.concat(a); } return { payload: a.length };`));
    const quick = unit(code('return { payload: ctx.args.n };'));
    const stopped = there(hog, base());
    const others = await Promise.all(Array.from({ length: 8 }, (_, n) => there(quick, base({ n }))));
    expect(others.map((o) => (o.output as { value: unknown }).value)).toEqual(Array.from({ length: 8 }, (_, n) => n));
    expect((await stopped).failure).toEqual({ message: 'Out of memory: request used more memory than the APPSYNC_JS runtime allows', type: 'RuntimeError', data: null, errorInfo: null });
  });

  it('a run that has written when another run stops their worker is answered with an error, not run again', async () => {
    const one = new WorkerPool({ size: 1, timeoutMs: TIMEOUT_MS, graceMs: 300 });
    try {
      await one.ready();
      const { ds, calls } = remote(TIMEOUT_MS);
      const writer = pipeline(code('return {};'), [{ code: code('return { write: 1 };'), dataSource: ds }]);
      const frozen = unit(code(`return { payload: ('a'.concat(${JSON.stringify('a'.repeat(40))}, '!')).replace('^(a+)+$', 'y') };`));
      const written = settle((a) => one.runResolver(writer, base(), a));
      const stopped = settle((a) => one.runResolver(frozen, base(), a));
      expect((await stopped).failure?.type).toBe('ExecutionTimeout');
      expect((await written).failure).toMatchObject({ type: 'InternalFailure' });
      expect(calls).toHaveLength(1);
    } finally {
      await one.close();
    }
  });

  it('make the DynamoDB calls themselves, asking this process only for a Custom conditional check handler', async () => {
    await db.client.send(new PutItemCommand({ TableName: db.tableName, Item: { PK: { S: 'w1' }, SK: { S: 'A' }, v: { N: '1' } } }));
    const handler = vi.fn<ConditionHandler>(async () => ({ action: 'discard' }));
    // A client of its own: the fixture's is hooked for interception, which keeps calls in this process.
    const ds = createDynamoDbDataSource({ client: createLocalDynamoDbClient(db.endpoint), tableName: db.tableName, tokenSecret: 'x', customHandler: handler });
    const invoke = vi.spyOn(ds, 'invoke');
    const bump = (from: number) =>
      unit(code(`return { operation: 'UpdateItem', key: { PK: { S: 'w1' }, SK: { S: 'A' } },
        update: { expression: 'SET v = v + :one', expressionValues: { ':one': { N: 1 } } },
        condition: { expression: 'v = :from', expressionValues: { ':from': { N: ${from} } },
          conditionalCheckFailedHandler: { strategy: 'Custom', lambdaArn: 'arn:aws:lambda:us-east-1:1:function:f' } } };`), ds);
    expect((await there(bump(1), base({ id: 'w1' }))).output).toMatchObject({ value: { PK: 'w1', SK: 'A', v: 2 } });
    expect(handler).not.toHaveBeenCalled();
    // The condition fails now: the handler (here) is asked, with AppSync's event, and its discard applies.
    expect((await there(bump(1), base({ id: 'w1' }))).output).toMatchObject({ value: { PK: 'w1', SK: 'A', v: 2 } });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]![0]).toMatchObject({ arguments: { id: 'w1' }, currentValue: { PK: 'w1', SK: 'A', v: 2 }, resolver: { tableName: db.tableName, field: 'task', parentType: 'Query' }, identity: { sub: 'u1' } });
    expect(handler.mock.calls[0]![1]).toBe('arn:aws:lambda:us-east-1:1:function:f');
    expect(invoke).not.toHaveBeenCalled();
    expect((await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: { PK: { S: 'w1' }, SK: { S: 'A' } } }))).Item?.v).toEqual({ N: '2' });
  });
});
