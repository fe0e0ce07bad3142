/**
 * js/chain-wire.ts: a chain of handler calls crosses to a worker packed (what its calls share, once)
 * and comes out exactly as it went in, through the same JSON the IPC channel uses.
 */
import { describe, expect, it } from 'vitest';
import { packChain, unpackChain } from '../../../src/appsync/js/chain-wire.ts';
import { CONTEXT_JSON_CACHE, prepareCall, prepareChainedCall, prepareChainedCalls, type ChainedCall, type HandlerCall } from '../../../src/appsync/js/run.ts';
import type { ContextInput } from '../../../src/appsync/types.ts';
import { makeContext } from './helpers.ts';

const JWT = `eyJ${'a'.repeat(1200)}`;
const identity = {
  sub: 'u-1',
  username: 'u-1',
  issuer: 'https://cognito-idp.local/pool',
  claims: { sub: 'u-1', token_use: 'access', client_id: 'c', scope: 'aws.cognito.signin.user.admin', exp: 2_000_000_000 },
  sourceIp: ['127.0.0.1'],
  groups: null,
  defaultAuthStrategy: 'ALLOW',
};

/** A run's base ctx as resolve.ts makes it (JSON cache included), with a Cognito identity and its header. */
const baseCtx = (): ContextInput =>
  ({
    ...makeContext({ arguments: { id: 't1' }, identity: identity as ContextInput['identity'] }),
    request: { headers: { authorization: JWT, 'content-type': 'application/json' }, domainName: null },
    env: { TABLE_NAME: 'taskwire' },
    [CONTEXT_JSON_CACHE]: new WeakMap(),
  }) as ContextInput;

/** Over the wire as the IPC channel carries it (JSON), and back. */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const strip = <T>(value: T): T => viaJson(value);

function chainOf(base: ContextInput, first: ContextInput, steps: { file: string; withResult: boolean }[]): { first: HandlerCall; next: ChainedCall[] } {
  return {
    first: prepareCall('steps/loadTask.ts', 'response', first),
    next: steps.map((s) => prepareChainedCall(s.file, 'request', base, s.withResult)),
  };
}

describe('prepareChainedCalls', () => {
  it('makes each call exactly as prepareChainedCall does', () => {
    const base = { ...baseCtx(), result: { kept: true } } as ContextInput;
    const handlers = [
      { fileName: 'a.ts', name: 'request' as const, withResult: false },
      { fileName: 'b.ts', name: 'request' as const, withResult: false },
      { fileName: 'Query.task.ts', name: 'response' as const, withResult: true },
    ];
    const calls = prepareChainedCalls(handlers, base);
    expect(calls).toEqual(handlers.map((h) => prepareChainedCall(h.fileName, h.name, base, h.withResult)));
    expect(calls[0]!.ctxTail).toContain('"result":{"kept":true}');
    expect(calls[2]!.ctxTail).not.toContain('"result"');
  });
});

describe('packChain / unpackChain', () => {
  it('a pipeline step\'s response and the next step\'s request come out as they went in, the shared parts sent once', () => {
    const base = baseCtx();
    const first = { ...base, stash: { taskId: 't1' }, prev: { result: {} }, result: { id: 't1', projectId: 'p1' } };
    const chain = chainOf(base, first, [{ file: 'steps/authorize.ts', withResult: false }, { file: 'Query.task.ts', withResult: true }]);
    const packed = viaJson(packChain(chain.first, chain.next));
    expect(unpackChain(packed)).toEqual(strip(chain));
    expect('ctxMid' in packed.first).toBe(true);
    // The Authorization header and the identity travel once, not once per call (three times before).
    const wire = JSON.stringify(packed);
    expect(wire.split(JWT).length - 1).toBe(1);
    expect(wire.length).toBeLessThan(JSON.stringify(chain).length / 2);
  });

  it('a first call whose ctx is not the run\'s is sent whole, and still comes back exact', () => {
    const base = baseCtx();
    const other = { ...baseCtx(), arguments: { id: 'another' }, stash: {} };
    const chain = chainOf(base, other, [{ file: 'steps/authorize.ts', withResult: false }]);
    const packed = viaJson(packChain(chain.first, chain.next));
    expect('ctxJson' in packed.first).toBe(true);
    expect(unpackChain(packed)).toEqual(strip(chain));
  });

  it('a chained call that differs from the one before it keeps its own members (an undefined one included)', () => {
    const base = baseCtx();
    const chain = chainOf(base, { ...base, stash: {} }, [{ file: 'a.ts', withResult: false }, { file: 'b.ts', withResult: true }, { file: 'c.ts', withResult: false }]);
    const [, second, third] = chain.next;
    second!.selectionSetList = undefined;
    second!.timeoutMs = 10;
    second!.invocation = { ...second!.invocation, identity: { ...identity, sub: 'u-2' } as never };
    third!.ctxTail = ',"info":{},"env":{}}';
    const packed = viaJson(packChain(chain.first, chain.next));
    const back = unpackChain(packed);
    expect(back).toEqual(strip(chain));
    expect(back.next[1]!.selectionSetList).toBeUndefined();
    // …and the one after it, back to the run's, gets its own again.
    expect(back.next[2]!.selectionSetList).toBe('["id","title"]');
    expect(back.next[1]!.invocation.identity).toEqual({ ...identity, sub: 'u-2' });
    expect(back.next[2]!.invocation.identity).toEqual(identity);
    expect(back.next[2]!.ctxTail).toBe(',"info":{},"env":{}}');
  });

  it('a call with no chain after it is sent whole', () => {
    const base = baseCtx();
    const chain = chainOf(base, { ...base, stash: {} }, []);
    const packed = viaJson(packChain(chain.first, []));
    expect(packed.first).toHaveProperty('ctxJson', chain.first.ctxJson);
    expect(unpackChain(packed)).toEqual(strip(chain));
  });
});
