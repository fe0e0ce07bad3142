/**
 * Conformance with the frames AppSync sends on the real-time channel, against the whole runtime (the
 * real executor runs each start), case by case against recorded AppSync frames; each case names where
 * the recording was found (docs/appsync-wire.md).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../../support/runtime.ts';
import { RawClient, b64 } from './wsclient.ts';

const rt = useLocalRuntime();
const clients: RawClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

async function connect(email = 'max@taskwire.local') {
  const token = await rt.token(email);
  const host = `localhost:${rt.runtime.server.port}`;
  const c = new RawClient(`${rt.runtime.urls.realtime}?header=${encodeURIComponent(b64({ host, Authorization: token }))}&payload=e30=`, ['graphql-ws'], {
    ca: rt.runtime.caCertPem,
  });
  clients.push(c);
  expect((await c.init()).type).toBe('connection_ack');
  const start = (id: string, query: string, variables: Record<string, unknown> = {}) =>
    c.send({ type: 'start', id, payload: { data: JSON.stringify({ query, variables }), extensions: { authorization: { Authorization: token, host } } } });
  return { c, start };
}

describe('start errors carry only what AppSync sends: { message } or { errorType, message }', () => {
  it('a subscription field the schema does not define', async () => {
    // Amplify logs AppSync's frame payload as "Connection failed: {"errors":[{"message":"Validation error of
    // type FieldUndefined: Field 'OnCreateComic' in type 'Subscription' is undefined @ 'OnCreateComic'"}]}"
    // (pasted in public Amplify samples; find_string 'failed: {"errors":[{"message":"Validation error').
    const { c, start } = await connect();
    start('s1', 'subscription { onTaskChange { id } }');
    expect(await c.next((f) => f.id === 's1')).toEqual({
      type: 'error',
      id: 's1',
      payload: { errors: [{ message: "Validation error of type FieldUndefined: Field 'onTaskChange' in type 'Subscription' is undefined @ 'onTaskChange'" }] },
    });
  });

  it('a missing argument', async () => {
    // Same frame shape (above); the sentence as AppSync words it over HTTP (graphql/wire.test.ts).
    const { c, start } = await connect();
    start('s1', 'subscription {\n  onTaskChanged { id }\n}');
    expect(await c.next((f) => f.id === 's1')).toEqual({
      type: 'error',
      id: 's1',
      payload: { errors: [{ message: "Validation error of type MissingFieldArgument: Missing field argument projectId @ 'onTaskChanged'" }] },
    });
  });

  it('a null non-null variable', async () => {
    const { c, start } = await connect();
    start('s1', 'subscription S($p: ID!) { onTaskChanged(projectId: $p) { id } }');
    expect(await c.next((f) => f.id === 's1')).toEqual({
      type: 'error',
      id: 's1',
      payload: { errors: [{ message: "Variable 'p' has coerced Null value for NonNull type 'ID!'" }] },
    });
  });

  it('an unauthorized subscription field', async () => {
    // aws-amplify/amplify-studio#169: "Connection failed: {"errors":[{"errorType":"Unauthorized","message":
    // "Not Authorized to access onUpdateAPINirentanCount on type Subscription"}]}".
    const { c, start } = await connect();
    start('s1', 'subscription N($u: ID!) { onNotification(userId: $u) { id } }', { u: 'someone-else' });
    expect(await c.next((f) => f.id === 's1')).toEqual({
      type: 'error',
      id: 's1',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onNotification on type Subscription' }] },
    });
  });
});

describe('frames AppSync does not know', () => {
  it('are answered with an id-less UnsupportedOperation error', async () => {
    // enisdenjo/graphql-ws#602: a `subscribe` frame (graphql-transport-ws) sent to AppSync is answered
    // {"type":"error","payload":{"errors":[{"errorType":"UnsupportedOperation","message":"unknown not
    // supported through the realtime channel"}]}}, with no id.
    const { c } = await connect();
    c.send({ id: 'x1', type: 'subscribe', payload: { query: 'subscription { onTaskChanged(projectId: "p") { id } }' } });
    expect(await c.next((f) => f.type === 'error')).toEqual({
      type: 'error',
      payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'unknown not supported through the realtime channel' }] },
    });
  });
});
