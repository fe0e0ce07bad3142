import { afterEach, describe, expect, it, vi } from 'vitest';
import { Refusal, MESSAGES } from '../../../src/appsync/auth/errors.ts';
import {
  createLambdaAuthorizer,
  type LambdaAuthorizerEvent,
  type LambdaAuthorizerHandler,
} from '../../../src/appsync/auth/lambda.ts';

const request = {
  headers: { authorization: 'twk_good', 'x-trace': ['a', 'b'], host: 'localhost:4000' },
  queryString: 'query Q($id: ID!) { task(id: $id) { id } }',
  operationName: 'Q',
  variables: { id: 't1' },
};

/** A handler that records its events and answers per token. */
function recorder(answers: Record<string, unknown>) {
  const events: LambdaAuthorizerEvent[] = [];
  const handler: LambdaAuthorizerHandler = async (event) => {
    events.push(event);
    return answers[event.authorizationToken] ?? { isAuthorized: false };
  };
  return { events, handler };
}

async function refusal(p: Promise<unknown>): Promise<Refusal> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(Refusal);
  expect((e as Refusal).statusCode).toBe(401);
  expect((e as Refusal).body()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: MESSAGES.notAuthorized }] });
  return e as Refusal;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Lambda authorizer', () => {
  it('sends the documented event and maps the answer to the identity', async () => {
    const { events, handler } = recorder({
      twk_good: { isAuthorized: true, resolverContext: { projectId: 'p1', scope: 'READ' }, deniedFields: ['Mutation.deleteTask'], ttlOverride: 0 },
    });
    const auth = createLambdaAuthorizer({ handler, apiId: 'api1', accountId: '123456789012' });
    const result = await auth.authorize('twk_good', request);
    expect(result).toEqual({
      mode: 'AWS_LAMBDA',
      identity: { resolverContext: { projectId: 'p1', scope: 'READ' } },
      deniedFields: ['Mutation.deleteTask'],
      ttlOverride: 0,
    });
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e).toEqual({
      authorizationToken: 'twk_good',
      requestContext: {
        apiId: 'api1',
        accountId: '123456789012',
        requestId: e.requestContext.requestId,
        queryString: request.queryString,
        operationName: 'Q',
        variables: { id: 't1' },
      },
      requestHeaders: { authorization: 'twk_good', 'x-trace': 'a,b', host: 'localhost:4000' },
    });
    expect(e.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses with AppSync\'s message when the handler says no', async () => {
    const { handler } = recorder({});
    await refusal(createLambdaAuthorizer({ handler }).authorize('twk_bad', request));
  });

  it('caches a positive answer for the default ttl (300 s), then asks again', async () => {
    let clock = 1_000_000;
    const { events, handler } = recorder({ twk_good: { isAuthorized: true } });
    const auth = createLambdaAuthorizer({ handler, now: () => clock });
    const first = await auth.authorize('twk_good', request);
    expect(first.ttlOverride).toBe(300);
    clock += 299_000;
    await auth.authorize('twk_good', request);
    expect(events).toHaveLength(1);
    clock += 1_000;
    await auth.authorize('twk_good', request);
    expect(events).toHaveLength(2);
  });

  it('honours ttlOverride 0 (no caching): a revoked token is refused on the next request', async () => {
    const answers: Record<string, unknown> = { twk_rw: { isAuthorized: true, ttlOverride: 0 } };
    const { events, handler } = recorder(answers);
    const auth = createLambdaAuthorizer({ handler });
    await auth.authorize('twk_rw', request);
    delete answers.twk_rw; // revoked
    await refusal(auth.authorize('twk_rw', request));
    expect(events).toHaveLength(2);
  });

  it('a cached answer survives revocation until invalidate() (AppSync-like), and clear() drops all', async () => {
    const answers: Record<string, unknown> = { a: { isAuthorized: true, ttlOverride: 60 }, b: { isAuthorized: true } };
    const { events, handler } = recorder(answers);
    const auth = createLambdaAuthorizer({ handler, authorizerResultTtlInSeconds: 120 });
    expect((await auth.authorize('a', request)).ttlOverride).toBe(60);
    expect((await auth.authorize('b', request)).ttlOverride).toBe(120);
    delete answers.a;
    await auth.authorize('a', request); // still cached
    expect(events).toHaveLength(2);
    auth.invalidate('a');
    await refusal(auth.authorize('a', request));
    await auth.authorize('b', request); // other token untouched
    expect(events).toHaveLength(3);
    auth.clear();
    await auth.authorize('b', request);
    expect(events).toHaveLength(4);
  });

  it('does not cache refusals', async () => {
    const answers: Record<string, unknown> = {};
    const { events, handler } = recorder(answers);
    const auth = createLambdaAuthorizer({ handler });
    await refusal(auth.authorize('t', request));
    answers.t = { isAuthorized: true };
    await expect(auth.authorize('t', request)).resolves.toMatchObject({ mode: 'AWS_LAMBDA' });
    expect(events).toHaveLength(2);
  });

  it('authorizerResultTtlInSeconds 0 disables caching', async () => {
    const { events, handler } = recorder({ t: { isAuthorized: true } });
    const auth = createLambdaAuthorizer({ handler, authorizerResultTtlInSeconds: 0 });
    await auth.authorize('t', request);
    await auth.authorize('t', request);
    expect(events).toHaveLength(2);
  });

  it('refuses when the handler throws, without leaking its message', async () => {
    const auth = createLambdaAuthorizer({
      handler: () => {
        throw new Error('db password is hunter2');
      },
    });
    const r = await refusal(auth.authorize('t', request));
    expect(JSON.stringify(r.body())).not.toContain('hunter2');
  });

  it.each([
    ['no isAuthorized', { resolverContext: {} }],
    ['isAuthorized as a string', { isAuthorized: 'true' }],
    ['a non-string resolverContext value', { isAuthorized: true, resolverContext: { n: 1 } }],
    ['deniedFields not a list of strings', { isAuthorized: true, deniedFields: 'Query.task' }],
    ['a negative ttlOverride', { isAuthorized: true, ttlOverride: -1 }],
    ['not an object', 'yes'],
    ['null', null],
  ])('refuses a malformed answer: %s', async (_name, answer) => {
    await refusal(createLambdaAuthorizer({ handler: async () => answer }).authorize('t', request));
  });

  it('refuses a handler that does not answer within AppSync\'s 10 seconds', async () => {
    vi.useFakeTimers();
    const auth = createLambdaAuthorizer({ handler: () => new Promise(() => {}) });
    const pending = refusal(auth.authorize('t', request));
    await vi.advanceTimersByTimeAsync(10_000);
    await pending;
  });

  it('answers within the limit are accepted', async () => {
    vi.useFakeTimers();
    const auth = createLambdaAuthorizer({
      handler: () => new Promise((resolve) => setTimeout(() => resolve({ isAuthorized: true }), 9_000)),
    });
    const pending = auth.authorize('t', request);
    await vi.advanceTimersByTimeAsync(9_000);
    await expect(pending).resolves.toMatchObject({ mode: 'AWS_LAMBDA' });
  });

  it('identityValidationExpression refuses non-matching tokens without calling the handler', async () => {
    const { events, handler } = recorder({ twk_abc: { isAuthorized: true }, 'xx twk_abc': { isAuthorized: true } });
    const auth = createLambdaAuthorizer({ handler, identityValidationExpression: 'twk_[a-z]+' });
    await expect(auth.authorize('twk_abc', request)).resolves.toMatchObject({ mode: 'AWS_LAMBDA' });
    await refusal(auth.authorize('xx twk_abc', request));
    expect(events.map((e) => e.authorizationToken)).toEqual(['twk_abc']);
  });
});
