/**
 * The AppSync real-time protocol over a raw WebSocket, with test doubles of the authenticator and of
 * the executor's prepareSubscription (the end-to-end tests use the real ones).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RawClient, b64, b64url, type Frame } from './wsclient.ts';
import { authFor, startHarness, type Harness } from './doubles.ts';
import { eventually } from '../../support/eventually.ts';

const TASK_SUB = 'subscription S($projectId: ID!) { onTaskChanged(projectId: $projectId) { id projectId title status } }';

function start(c: RawClient, id: string, query = TASK_SUB, variables: Record<string, unknown> = { projectId: 'p1' }, token = 'user-alice') {
  c.send({
    id,
    type: 'start',
    payload: { data: JSON.stringify({ query, variables }), extensions: { authorization: { Authorization: token, host: 'localhost' } } },
  });
}

const task = (over: Record<string, unknown> = {}) => ({ id: 't1', projectId: 'p1', title: 'Write tests', status: 'TODO', ...over });

let h: Harness;
const clients: RawClient[] = [];
function client(query = `?header=${b64({ Authorization: 'user-alice', host: 'localhost' })}&payload=e30=`, protocols?: string[]) {
  const c = new RawClient(h.url + query, protocols);
  clients.push(c);
  return c;
}

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await h.close();
});

describe('connecting', () => {
  it('accepts the header query parameter and acknowledges with connectionTimeoutMs, then a ka', async () => {
    const c = client();
    const ack = await c.init();
    expect(ack).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    expect(c.ws.protocol).toBe('graphql-ws');
    expect(await c.next()).toEqual({ type: 'ka' });
    expect(h.behaviour.seen[0]).toMatchObject({ method: 'POST', path: '/graphql/connect', body: '{}' });
    expect(h.behaviour.seen[0]!.sourceIp).toBe('127.0.0.1');
  });

  it('accepts the header-<base64url> subprotocol that Amplify v6 sends, and selects graphql-ws', async () => {
    const c = client('', ['graphql-ws', `header-${b64url({ Authorization: 'user-alice', host: 'localhost' }).replace(/=+$/, '')}`]);
    expect((await c.init()).type).toBe('connection_ack');
    expect(c.ws.protocol).toBe('graphql-ws');
    expect(h.behaviour.seen[0]!.headers).toMatchObject({ Authorization: 'user-alice', host: 'localhost' });
  });

  it('accepts plain HTTP headers', async () => {
    const c = new RawClient(h.url, ['graphql-ws'], { headers: { Authorization: 'user-alice' } });
    clients.push(c);
    expect((await c.init()).type).toBe('connection_ack');
    expect(h.behaviour.seen[0]!.headers.authorization).toBe('user-alice');
  });

  it('answers bad credentials with connection_error and closes the socket', async () => {
    const c = client(`?header=${b64({ Authorization: 'nonsense', host: 'localhost' })}&payload=e30=`);
    const frame = await c.init();
    expect(frame).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.', errorCode: 401 }] },
    });
    await c.waitClosed();
  });

  it('refuses a socket that offers no subprotocol with NoProtocolError, and closes it', async () => {
    // aws/aws-appsync-community#195 and Textalk/websocket-php#92 (a socket opened without graphql-ws):
    // {"payload":{"errors":[{"message":"NoProtocolError","errorCode":400}]},"type":"connection_error"}.
    const c = client(undefined, []);
    await c.opened;
    expect(await c.next()).toEqual({ type: 'connection_error', payload: { errors: [{ message: 'NoProtocolError', errorCode: 400 }] } });
    await c.waitClosed();
    expect(h.behaviour.seen).toEqual([]);
  });

  it('refuses a socket that offers only other subprotocols with SubProtocolNotSupportedError', async () => {
    // graphql-dotnet/graphql-client#591 (graphql-transport-ws offered to AppSync):
    // {"payload":{"errors":[{"message":"SubProtocolNotSupportedError","errorCode":400}]},"type":"connection_error"}.
    const c = client(undefined, ['graphql-transport-ws']);
    await c.opened;
    expect(await c.next()).toEqual({
      type: 'connection_error',
      payload: { errors: [{ message: 'SubProtocolNotSupportedError', errorCode: 400 }] },
    });
    await c.waitClosed();
  });

  it('refuses a connection with no credentials at all the same way', async () => {
    const c = client('');
    expect((await c.init()).type).toBe('connection_error');
    await c.waitClosed();
  });

  it('sends ka about every keepAliveMs', async () => {
    await h.close();
    h = await startHarness({ keepAliveMs: 30 });
    const c = client();
    await c.init();
    for (let i = 0; i < 4; i += 1) expect(await c.next((f) => f.type === 'ka')).toEqual({ type: 'ka' });
  });

  it('closes a connection when its maximum duration is reached', async () => {
    await h.close();
    h = await startHarness({ maxConnectionMs: 100 });
    const c = client();
    await c.init();
    expect((await c.waitClosed()).code).toBe(1000);
  });

  it('closes a connection that sends neither connection_init nor a start within initTimeoutMs', async () => {
    await h.close();
    h = await startHarness({ initTimeoutMs: 200 });
    const acked = client();
    await acked.init();
    const started = client();
    await started.opened;
    start(started, 's1');
    expect(await started.next((f) => f.type === 'start_ack')).toEqual({ type: 'start_ack', id: 's1' });
    // Opened last, so its timer is the last of the three to run out.
    const idle = client();
    await idle.opened;
    await eventually(() => expect(idle.closed).not.toBeNull());
    expect(idle.closed!.code).toBe(1000);
    expect(idle.frames).toEqual([]);
    // connection_init is optional: a connection that started a subscription is established too.
    expect([acked.closed, started.closed]).toEqual([null, null]);
    expect(h.rt.stats()).toEqual({ connections: 2, subscriptions: 1 });
  });

  it('refuses new connections while maxUninitialisedConnections have not sent connection_init', async () => {
    await h.close();
    h = await startHarness({ maxUninitialisedConnections: 2 });
    const [a, b] = [client(), client()];
    await Promise.all([a.opened, b.opened]);
    const refused = client();
    await expect(refused.opened).rejects.toThrow('Unexpected server response: 429');
    // Once one of them initialises, there is room again.
    await a.init();
    const c = client();
    expect((await c.init()).type).toBe('connection_ack');
  });
});

describe('subscriptions', () => {
  it('start → start_ack; a matching publication → data with the subscriber’s shape; stop → complete', async () => {
    const c = client();
    await c.init();
    start(c, 's1');
    expect(await c.next((f) => f.type !== 'ka')).toEqual({ type: 'start_ack', id: 's1' });
    expect(h.behaviour.seen[1]).toMatchObject({ path: '/graphql', body: JSON.stringify({ query: TASK_SUB, variables: { projectId: 'p1' } }) });

    h.rt.hub.publish({ mutationField: 'updateTask', result: task({ rank: 'a0', number: 3 }), selectionSetList: [] });
    expect(await c.next((f) => f.type === 'data')).toEqual({
      type: 'data',
      id: 's1',
      payload: { data: { onTaskChanged: { id: 't1', projectId: 'p1', title: 'Write tests', status: 'TODO' } } },
    });

    c.send({ type: 'stop', id: 's1' });
    expect(await c.next((f) => f.type === 'complete')).toEqual({ type: 'complete', id: 's1' });

    // After the stop nothing more arrives for s1: a second subscription on the same socket receives
    // the next publication, and frames on one socket keep their order.
    start(c, 's2');
    await c.next((f) => f.type === 'start_ack');
    h.rt.hub.publish({ mutationField: 'updateTask', result: task({ title: 'Again' }), selectionSetList: [] });
    const next = await c.next((f) => f.type === 'data');
    expect(next.id).toBe('s2');
    expect(c.all('data', 's1')).toHaveLength(1);
  });

  it('ignores publications of mutations the subscription does not name', async () => {
    const c = client();
    await c.init();
    start(c, 's1');
    await c.next((f) => f.type === 'start_ack');
    h.rt.hub.publish({ mutationField: 'addComment', result: { id: 'c1', projectId: 'p1' }, selectionSetList: [] });
    h.rt.hub.publish({ mutationField: 'createTask', result: task({ id: 't9' }), selectionSetList: [] });
    expect((await c.next((f) => f.type === 'data')).payload.data.onTaskChanged.id).toBe('t9');
    expect(c.all('data')).toHaveLength(1);
  });

  it('refuses a duplicate id with DuplicatedOperationError and keeps the first subscription', async () => {
    const c = client();
    await c.init();
    start(c, 'dup');
    await c.next((f) => f.type === 'start_ack');
    start(c, 'dup');
    expect(await c.next((f) => f.type === 'error')).toEqual({
      type: 'error',
      id: 'dup',
      payload: { errors: [{ errorType: 'DuplicatedOperationError', message: 'Duplicated operation with id dup' }] },
    });
    h.rt.hub.publish({ mutationField: 'updateTask', result: task(), selectionSetList: [] });
    expect((await c.next((f) => f.type === 'data')).id).toBe('dup');
  });

  it('refuses a start whose own authorization fails, per start', async () => {
    const c = client();
    await c.init();
    start(c, 'bad', TASK_SUB, { projectId: 'p1' }, 'expired');
    expect(await c.next((f) => f.type === 'error')).toEqual({
      type: 'error',
      id: 'bad',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] },
    });
    // The connection stays usable, and another mode may be used by another start.
    start(c, 'ok', TASK_SUB, { projectId: 'p1' }, 'lambda-p1');
    expect(await c.next((f) => f.type === 'start_ack')).toEqual({ type: 'start_ack', id: 'ok' });
  });

  it('hands the authenticator string header values only, and never shows what a failing authenticator threw', async () => {
    const c = client();
    await c.init();
    const send = (id: string, authorization: unknown) =>
      c.send({ id, type: 'start', payload: { data: JSON.stringify({ query: TASK_SUB, variables: { projectId: 'p1' } }), extensions: { authorization } } });
    send('typed', { Authorization: 'user-alice', 'x-forwarded-for': 7, 'x-flag': true, 'x-object': { a: 1 }, 'x-list': ['a'], 'x-null': null });
    expect(await c.next((f) => f.id === 'typed')).toEqual({ type: 'start_ack', id: 'typed' });
    expect(h.behaviour.seen.at(-1)!.headers).toEqual({ Authorization: 'user-alice', 'x-forwarded-for': '7', 'x-flag': 'true' });
    send('listed', ['user-alice']);
    expect((await c.next((f) => f.id === 'listed')).payload.errors).toEqual([
      { errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' },
    ]);
  });

  it('answers an authenticator bug as a plain refusal, without its message', async () => {
    await h.close();
    h = await startHarness({
      authenticate: async (req) => {
        if (req.path.endsWith('/connect')) return authFor('user-alice')!;
        throw new TypeError('header(...).trim is not a function');
      },
    });
    const c = client();
    await c.init();
    start(c, 's1');
    expect((await c.next((f) => f.id === 's1')).payload.errors).toEqual([
      { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' },
    ]);
  });

  it('passes the subscription resolver’s refusal on in an error frame', async () => {
    h.behaviour.refuse.add('alice');
    const c = client();
    await c.init();
    start(c, 's1');
    const err = await c.next((f) => f.type === 'error');
    expect(err.id).toBe('s1');
    expect(err.payload.errors[0]).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access onTaskChanged on type Subscription' });
  });

  it('refuses queries and mutations on the realtime channel', async () => {
    const c = client();
    await c.init();
    start(c, 'q', 'query { me { id } }', {});
    expect((await c.next((f) => f.type === 'error')).payload.errors[0]).toEqual({
      errorType: 'UnsupportedOperation',
      message: 'query not supported through the realtime channel',
    });
  });

  it('allows 100 subscriptions per connection and refuses the 101st with MaxSubscriptionsReachedError', async () => {
    const c = client();
    await c.init();
    for (let i = 0; i < 101; i += 1) start(c, `s${i}`);
    const acks: Frame[] = [];
    for (let i = 0; i < 100; i += 1) acks.push(await c.next((f) => f.type === 'start_ack'));
    expect(new Set(acks.map((a) => a.id)).size).toBe(100);
    // AppSync sends `errors` as one object here, not a list: "The observed response from the service"
    // in aws-amplify/aws-appsync-realtime-client-ios, RealtimeConnectionProviderResponse+Error.swift
    // (isMaxSubscriptionReachedError), and that repository's RealtimeConnectionProviderResponseTests.
    expect(await c.next((f) => f.type === 'error')).toEqual({
      type: 'error',
      id: 's100',
      payload: { errors: { errorType: 'MaxSubscriptionsReachedError', message: 'Max number of 100 subscriptions reached' } },
    });
    // A stop frees a place.
    c.send({ type: 'stop', id: 's0' });
    await c.next((f) => f.type === 'complete');
    start(c, 's100');
    expect(await c.next((f) => f.type === 'start_ack')).toEqual({ type: 'start_ack', id: 's100' });
  });

  it('does not deliver a payload over 240 KB, and logs it', async () => {
    const c = client();
    await c.init();
    start(c, 's1');
    await c.next((f) => f.type === 'start_ack');
    h.rt.hub.publish({ mutationField: 'updateTask', result: task({ title: 'x'.repeat(240 * 1024) }), selectionSetList: [] });
    h.rt.hub.publish({ mutationField: 'updateTask', result: task({ title: 'small' }), selectionSetList: [] });
    const data = await c.next((f) => f.type === 'data');
    expect(data.payload.data.onTaskChanged.title).toBe('small');
    expect(c.all('data')).toHaveLength(1);
    expect(h.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringContaining('size limit'), details: expect.objectContaining({ limit: 240 * 1024 }) }),
    );
  });

  it('answers an unparsable frame with an error and keeps the connection', async () => {
    const c = client();
    await c.init();
    c.send('not json');
    expect((await c.next((f) => f.type === 'error')).payload.errors[0].errorType).toBe('BadRequestException');
    start(c, 's1');
    expect((await c.next((f) => f.type === 'start_ack')).id).toBe('s1');
  });

  it('drops a connection that stops reading once its unsent frames pass the bound', async () => {
    await h.close();
    h = await startHarness({ maxBufferedBytes: 256 * 1024 });
    const reader = client();
    const stalled = client();
    for (const c of [reader, stalled]) {
      await c.init();
      start(c, 's1');
      await c.next((f) => f.type === 'start_ack');
    }
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const title = 'x'.repeat(100 * 1024);
    // Bounded: 400 × 100 KB is far beyond what loopback buffers plus the bound can hold.
    for (let i = 0; i < 400 && h.rt.stats().connections > 1; i += 1) {
      h.rt.hub.publish({ mutationField: 'updateTask', result: task({ title }), selectionSetList: [] });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(h.rt.stats()).toEqual({ connections: 1, subscriptions: 1 });
    expect(h.logs.some((l) => l.level === 'warn' && l.message === 'dropping a connection that does not read its frames')).toBe(true);
    // The reading client kept receiving.
    expect((await reader.next((f) => f.type === 'data')).id).toBe('s1');
  });

  it('removes a closed connection’s subscriptions', async () => {
    const c = client();
    await c.init();
    start(c, 's1');
    await c.next((f) => f.type === 'start_ack');
    expect(h.rt.stats()).toEqual({ connections: 1, subscriptions: 1 });
    c.ws.close();
    await c.waitClosed();
    // The server sees the close on its own socket, a moment after the client does.
    await eventually(() => expect(h.rt.stats()).toEqual({ connections: 0, subscriptions: 0 }));
  });
});

describe('invalidation', () => {
  it('unsubscribes the matching subscribers, sends complete with the documented message and closes the socket', async () => {
    h.behaviour.invalidationFilter = { filterGroup: [{ filters: [{ fieldName: 'projectId', operator: 'eq', value: 'p1' }] }] };
    const c1 = client();
    const c2 = client(`?header=${b64({ Authorization: 'user-carol' })}`);
    await c1.init();
    await c2.init();
    start(c1, 'a');
    await c1.next((f) => f.type === 'start_ack');
    h.behaviour.invalidationFilter = { filterGroup: [{ filters: [{ fieldName: 'projectId', operator: 'eq', value: 'p2' }] }] };
    start(c2, 'b', TASK_SUB, { projectId: 'p2' }, 'user-carol');
    await c2.next((f) => f.type === 'start_ack');

    h.rt.hub.invalidate({ subscriptionField: 'onTaskChanged', payload: { projectId: 'p1', userId: 'alice' } });
    expect(await c1.next((f) => f.type === 'complete')).toEqual({ type: 'complete', id: 'a', payload: { message: 'Subscription complete.' } });
    await c1.waitClosed();

    // The other subscriber is untouched.
    h.rt.hub.publish({ mutationField: 'updateTask', result: task({ projectId: 'p2' }), selectionSetList: [] });
    expect((await c2.next((f) => f.type === 'data')).id).toBe('b');
    expect(h.rt.stats().subscriptions).toBe(1);
  });

  it('ignores invalidations of another subscription field', async () => {
    h.behaviour.invalidationFilter = { filterGroup: [{ filters: [{ fieldName: 'projectId', operator: 'eq', value: 'p1' }] }] };
    const c = client();
    await c.init();
    start(c, 'a');
    await c.next((f) => f.type === 'start_ack');
    h.rt.hub.invalidate({ subscriptionField: 'onSprintChanged', payload: { projectId: 'p1' } });
    h.rt.hub.publish({ mutationField: 'updateTask', result: task(), selectionSetList: [] });
    expect((await c.next((f) => f.type === 'data')).id).toBe('a');
    expect(c.all('complete')).toHaveLength(0);
  });
});
