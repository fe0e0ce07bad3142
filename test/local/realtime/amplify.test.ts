/**
 * The real aws-amplify v6 client against the local runtime's real-time endpoint: signed in through
 * cognito-local (USER_PASSWORD_AUTH), `generateClient().graphql({ query }).subscribe(...)` over
 * `wss://…/graphql/realtime`, with the real authenticator, executor, APPSYNC_JS subscription
 * resolvers and TLS. The API is bench/lib/stack.ts's small NONE-data-source API (the Taskwire domain
 * resolvers and test/support/runtime.ts are not there yet); its resolvers refuse non-members, set
 * enhanced filters and invalidation filters the way Taskwire's will.
 */
import { request } from 'node:https';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { signIn, signOut } from 'aws-amplify/auth';
import { parseAmplifyConfig } from 'aws-amplify/utils';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../bench/lib/stack.ts';
import { startTestCognito, TEST_USERS, type TestCognito } from '../../support/cognito.ts';

const IAM = {
  accessKeyId: 'AKIALOCALNOTIFY00001',
  secretAccessKey: 'local-secret-for-the-notify-function',
  accountId: '000000000000',
  userArn: 'arn:aws:sts::000000000000:assumed-role/taskwire-notify/notify',
};
const REGION = 'us-east-1';

let cognito: TestCognito;
let stack: Stack;
const usernames: Record<string, string> = {};
const subs: Record<string, string> = {};

function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function post(headers: Record<string, string>, body: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = request(stack.url, { method: 'POST', ca: stack.caPem, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function mutateAs(user: 'alice' | 'bob' | 'admin', query: string, variables: Record<string, unknown>) {
  const { accessToken } = await cognito.signIn(user);
  return post({ authorization: accessToken }, JSON.stringify({ query, variables }));
}

/** Events of one Amplify subscription, with bounded waits. */
function watch(query: string, variables: Record<string, unknown>) {
  const events: any[] = [];
  const errors: any[] = [];
  let wake: () => void = () => undefined;
  let failed: (e: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => {
    failed = reject;
  });
  failure.catch(() => undefined);
  const sub = (generateClient().graphql({ query, variables }) as any).subscribe({
    next: (e: any) => {
      events.push(e);
      wake();
    },
    error: (e: any) => {
      errors.push(e);
      failed(e);
      wake();
    },
  });
  return {
    events,
    errors,
    /** Rejects when Amplify reports the subscription failed. */
    failure,
    unsubscribe: () => sub.unsubscribe(),
    async until(pred: () => boolean, ms = 15_000) {
      const end = Date.now() + ms;
      while (!pred()) {
        if (Date.now() > end) throw new Error(`timed out; events ${JSON.stringify(events)} errors ${JSON.stringify(errors)}`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 50);
        });
      }
    },
  };
}

/** Waits until the runtime has registered `n` subscriptions (the start_ack was sent). */
async function registered(n: number) {
  const end = Date.now() + 15_000;
  while (stack.realtime.stats().subscriptions !== n) {
    if (Date.now() > end) throw new Error(`expected ${n} subscriptions, have ${stack.realtime.stats().subscriptions}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  cognito = await startTestCognito();
  for (const name of ['alice', 'bob', 'admin'] as const) {
    const t = await cognito.signIn(name);
    usernames[name] = String(claims(t.accessToken).username);
    subs[name] = String(claims(t.accessToken).sub);
  }
  stack = await startStack({
    auth: {
      defaultMode: 'AMAZON_COGNITO_USER_POOLS',
      additionalModes: ['AWS_IAM'],
      cognito: { issuer: cognito.issuer, clientIds: [cognito.clientId] },
      iam: { region: REGION, credentials: [IAM] },
    },
    // alice and admin are members of p1; bob of nothing.
    env: { MEMBERS: `p1:${usernames.alice},p1:${usernames.admin}` },
  });
  const ca = stack.caPem;
  // Node 20 has no global WebSocket; Amplify needs one. Trust the local CA like a browser that installed it.
  (globalThis as any).WebSocket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca });
    }
  };
  // The outputs shape clients read (taskwire-outputs.json); the cognito-local endpoint is set on the
  // parsed config, since the outputs format has no field for it.
  const config = parseAmplifyConfig({
    version: '1.3',
    auth: { aws_region: REGION, user_pool_id: cognito.userPoolId, user_pool_client_id: cognito.clientId },
    data: { url: stack.url, aws_region: REGION, default_authorization_type: 'AMAZON_COGNITO_USER_POOLS', authorization_types: ['AWS_IAM'] },
  } as any) as any;
  Amplify.configure({ ...config, Auth: { ...config.Auth, Cognito: { ...config.Auth.Cognito, userPoolEndpoint: cognito.endpoint } } });
}, 120_000);

afterAll(async () => {
  await signOut().catch(() => undefined);
  await stack?.close();
  await cognito?.stop();
});

const ON_ITEM = 'subscription S($p: ID!) { onItem(projectId: $p) { id projectId title version updatedAt } }';
const PUT = 'mutation M($p: ID!, $id: ID!, $t: String, $s: String) { putItem(projectId: $p, id: $id, title: $t, status: $s) { id projectId title status version updatedAt } }';

describe('aws-amplify v6 subscriptions against the local runtime', () => {
  it('a member receives a change another user made, shaped by their selection set', async () => {
    await signIn({ username: TEST_USERS.alice.email, password: TEST_USERS.alice.password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    const w = watch(ON_ITEM, { p: 'p1' });
    await registered(1);
    const res = await mutateAs('admin', PUT, { p: 'p1', id: 'i1', t: 'Hello' });
    expect(res.errors).toBeUndefined();
    await w.until(() => w.events.length === 1);
    expect(w.events[0].data.onItem).toEqual({ id: 'i1', projectId: 'p1', title: 'Hello', version: 1, updatedAt: res.data.putItem.updatedAt });
    // Another project's change never arrives (the resolver's filter), the next change of p1 does.
    await mutateAs('admin', PUT, { p: 'p2', id: 'i2', t: 'Elsewhere' });
    await mutateAs('admin', PUT, { p: 'p1', id: 'i3', t: 'Again' });
    await w.until(() => w.events.length === 2);
    expect(w.events.map((e) => e.data.onItem.id)).toEqual(['i1', 'i3']);
    w.unsubscribe();
    await registered(0);
  });

  it('a filtered subscription receives only the events its enhanced filter matches', async () => {
    const w = watch('subscription S($p: ID!) { onItemDone(projectId: $p) { id status } }', { p: 'p1' });
    await registered(1);
    for (const [id, s] of [['a', 'TODO'], ['b', 'DONE'], ['c', 'IN_PROGRESS'], ['d', 'IN_REVIEW']] as const) {
      await mutateAs('alice', PUT, { p: 'p1', id, s });
    }
    await w.until(() => w.events.length === 2);
    // A last matching event proves nothing else was queued in between.
    await mutateAs('alice', PUT, { p: 'p1', id: 'e', s: 'DONE' });
    await w.until(() => w.events.length === 3);
    expect(w.events.map((e) => e.data.onItemDone)).toEqual([
      { id: 'b', status: 'DONE' },
      { id: 'd', status: 'IN_REVIEW' },
      { id: 'e', status: 'DONE' },
    ]);
    w.unsubscribe();
    await registered(0);
  });

  it('an invalidation closes the member’s subscription (removing a member ends live access)', async () => {
    const w = watch(ON_ITEM, { p: 'p1' });
    await registered(1);
    stack.realtime.hub.invalidate({ subscriptionField: 'onItem', payload: { projectId: 'p1', username: usernames.alice } });
    await registered(0);
    expect(stack.realtime.stats().connections).toBe(0);
    w.unsubscribe();
  });

  it('a SigV4-signed call of an IAM-only mutation reaches onNotification-style subscribers', async () => {
    const w = watch('subscription N($u: ID!) { onNotice(userId: $u) { id userId title } }', { u: subs.alice });
    await registered(1);
    const body = JSON.stringify({
      query: 'mutation P($u: ID!, $t: String!) { publishNotice(userId: $u, title: $t) { id userId title } }',
      variables: { u: subs.alice, t: 'Due tomorrow' },
    });
    const url = new URL(stack.url);
    const signer = new SignatureV4({ service: 'appsync', region: REGION, sha256: Sha256, credentials: IAM });
    const signed = await signer.sign(
      new HttpRequest({ method: 'POST', protocol: 'https:', hostname: url.hostname, port: Number(url.port), path: url.pathname, headers: { host: url.host, 'content-type': 'application/json' }, body }),
    );
    const res = await post(signed.headers as Record<string, string>, body);
    expect(res.errors).toBeUndefined();
    await w.until(() => w.events.length === 1);
    expect(w.events[0].data.onNotice).toEqual({ id: res.data.publishNotice.id, userId: subs.alice, title: 'Due tomorrow' });
    w.unsubscribe();
    await registered(0);
  });

  it('a non-member’s start is refused', async () => {
    await signOut();
    await signIn({ username: TEST_USERS.bob.email, password: TEST_USERS.bob.password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    const w = watch(ON_ITEM, { p: 'p1' });
    await expect(w.failure).rejects.toBeDefined();
    expect(JSON.stringify(w.errors[0])).toContain('Not Authorized to access onItem on type Subscription');
    expect(stack.realtime.stats().subscriptions).toBe(0);
  });
});
