import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createLambdaDataSource, type LambdaContextLike, type LambdaInvocation } from '../../../src/appsync/datasources/lambda.ts';
import { invocation, testContext } from './context.ts';
import { eventually } from '../../support/eventually.ts';

describe('Lambda data source', () => {
  it('Invoke passes the payload as the event with a Lambda context, and returns the answer as JSON', async () => {
    let seen: { event: unknown; context: LambdaContextLike } | undefined;
    const ds = createLambdaDataSource({
      name: 'reports',
      handler: async (event, context) => {
        seen = { event, context };
        return { ok: true, when: new Date(0), skip: undefined };
      },
    });
    const res = await ds.invoke(invocation({ operation: 'Invoke', payload: { field: 'sprintReport', arguments: { id: 's1' } } }));
    expect(res).toEqual({ result: { ok: true, when: '1970-01-01T00:00:00.000Z' } });
    expect(seen?.event).toEqual({ field: 'sprintReport', arguments: { id: 's1' } });
    expect(seen?.context.functionName).toBe('reports');
    expect(seen?.context.invokedFunctionArn).toMatch(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:reports$/);
    expect(seen?.context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen?.context.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });

  it('a thrown error becomes Lambda:Unhandled with its message', async () => {
    const ds = createLambdaDataSource({ name: 'f', handler: async () => { throw new Error('boom'); } });
    expect(await ds.invoke(invocation({ operation: 'Invoke', payload: {} }))).toEqual({
      result: null,
      error: { type: 'Lambda:Unhandled', message: 'boom' },
    });
    const sync = createLambdaDataSource({ name: 'g', handler: (() => { throw new TypeError('sync'); }) as never });
    expect((await sync.invoke(invocation({ operation: 'Invoke' }))).error).toEqual({ type: 'Lambda:Unhandled', message: 'sync' });
  });

  it('a handler that never answers times out instead of hanging', async () => {
    const ds = createLambdaDataSource({ name: 'slow', timeoutMs: 50, handler: () => new Promise(() => {}) });
    expect((await ds.invoke(invocation({ operation: 'Invoke' }))).error).toEqual({
      type: 'Lambda:Unhandled',
      message: 'Task timed out after 0.05 seconds',
    });
  });

  it('Event runs the handler without waiting for it; the result is null and failures are contained', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const events: unknown[] = [];
    let failed!: (err: unknown) => void;
    const failure = new Promise<unknown>((r) => (failed = r));
    const ds = createLambdaDataSource({
      name: 'notify',
      onAsyncError: failed,
      handler: async (event) => {
        events.push(event);
        await gate;
        throw new Error('after the response');
      },
    });
    const res = await ds.invoke(invocation({ operation: 'Invoke', invocationType: 'Event', payload: { n: 1 } }));
    expect(res).toEqual({ result: null }); // answered while the handler is still blocked on the gate
    expect(events).toEqual([{ n: 1 }]);
    release();
    expect(await failure).toEqual(new Error('after the response'));
  });

  it('drain waits for Event invocations still running, including ones they start', async () => {
    const gates: (() => void)[] = [];
    const finished: number[] = [];
    const ds = createLambdaDataSource({
      name: 'worker',
      handler: async (event) => {
        const n = (event as { n: number }).n;
        await new Promise<void>((r) => gates.push(r));
        // A worker that hands on to another background run before it ends (as the carry-over may).
        if (n === 1) void ds.invoke(invocation({ operation: 'Invoke', invocationType: 'Event', payload: { n: 2 } }));
        finished.push(n);
      },
    });
    await ds.invoke(invocation({ operation: 'Invoke', invocationType: 'Event', payload: { n: 1 } }));
    let drained = false;
    // What had finished when drain resolved: proves it waited, without sleeping to see it had not.
    const draining = ds.drain!().then(() => ((drained = true), [...finished]));
    await eventually(() => expect(gates).toHaveLength(1)); // worker 1 runs, held at its gate
    expect(drained).toBe(false);
    gates.shift()!();
    await eventually(() => expect(gates).toHaveLength(1)); // worker 2, started by worker 1, held
    expect(drained).toBe(false);
    gates.shift()!();
    expect(await draining).toEqual([1, 2]);
    expect(finished).toEqual([1, 2]);
  });

  it('BatchInvoke hands the array of payloads over and expects a same-length array back', async () => {
    const ds = createLambdaDataSource({
      name: 'batch',
      handler: async (event) => (event as { id: string }[]).map((e) => ({ data: e.id.toUpperCase(), errorMessage: null, errorType: null })),
    });
    expect(await ds.invoke(invocation({ operation: 'BatchInvoke', payload: [{ id: 'a' }, { id: 'b' }] }))).toEqual({
      result: [
        { data: 'A', errorMessage: null, errorType: null },
        { data: 'B', errorMessage: null, errorType: null },
      ],
    });
    const short = createLambdaDataSource({ name: 'short', handler: async () => [1] });
    expect((await short.invoke(invocation({ operation: 'BatchInvoke', payload: [1, 2] }))).error?.message).toMatch(/array of 2 results/);
    expect((await ds.invoke(invocation({ operation: 'BatchInvoke', payload: { id: 'x' } }))).error?.type).toBe('MappingTemplate');
  });

  it('a direct Lambda resolver receives the whole context, selection set included', async () => {
    let event: unknown;
    const ds = createLambdaDataSource({ name: 'direct', handler: async (e) => ((event = e), 'ok') });
    const ctx = testContext({ arguments: { id: 't1' }, stash: { s: 1 }, identity: { resolverContext: { who: 'bot' } } });
    Object.defineProperty(ctx.info, 'selectionSetList', { value: ['id', 'title'], enumerable: false });
    const call: LambdaInvocation = { request: undefined, resolverId: 'Query.getTask', ctx, direct: true };
    expect(await ds.invoke(call)).toEqual({ result: 'ok' });
    expect(event).toEqual({
      arguments: { id: 't1' },
      identity: { resolverContext: { who: 'bot' } },
      source: null,
      request: { headers: {}, domainName: null },
      prev: null,
      info: { fieldName: 'field', parentTypeName: 'Query', variables: {}, selectionSetList: ['id', 'title'], selectionSetGraphQL: '' },
      stash: { s: 1 },
    });
  });

  it('rejects unknown operations and invocation types', async () => {
    const ds = createLambdaDataSource({ name: 'f', handler: async () => null });
    expect((await ds.invoke(invocation({ operation: 'Call' }))).error?.type).toBe('MappingTemplate');
    expect((await ds.invoke(invocation({ operation: 'Invoke', invocationType: 'DryRun' }))).error?.type).toBe('MappingTemplate');
    expect((await ds.invoke(invocation('nope'))).error?.type).toBe('MappingTemplate');
  });

  it('a rejection a handler leaves floating does not crash the process', async () => {
    const script = fileURLToPath(new URL('./fixtures/floating-rejection.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd() });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ first: 1, second: 2 });
  });
});
