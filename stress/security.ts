/**
 * Security checks in the style of graphql-cop, over HTTPS and WSS against one whole stack started with
 * introspection off and a query depth limit (the stress stack: stress/stack.ts; the test: test/stress).
 * Each check returns what it sent and what it saw; a check that cannot fail is not one, so each has a
 * control (the same request made valid is accepted) where that makes sense.
 *
 * Deeper tests of each mechanism live beside it (the README's "Stress and security" section lists them):
 * JWT verification in test/local/auth/cognito.test.ts, the authorizer in test/functions/authorizer.test.ts,
 * tokens in test/resolvers/core/tokens-notifications.test.ts, subscriptions in test/live/subscriptions.test.ts,
 * presigned URLs in test/resolvers/attachments/attachments.test.ts, limits in test/local/graphql/.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import { WebSocket } from 'ws';
import { LEAK } from './hostile.ts';
import { ADMIN, MEMBER, OUTSIDER, type Gql, type Target } from './target.ts';

export interface SecurityCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** The limits the stack under test is started with (introspection off, a depth limit, a resolver-count limit). */
export const HARDENED_LIMITS = { introspection: false, queryDepthLimit: 3, resolverCountLimit: 1000 };

// cognito-local signs with a key its package ships (README: local credentials are not secrets). Signing
// with it changes exactly one claim of an otherwise valid token, so each refusal is about that claim.
const cognitoLocalKey: KeyObject = createPrivateKey((createRequire(import.meta.url)('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string }).pem);
const resign = (claims: JWTPayload, header: Record<string, unknown> = {}) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal', ...header }).sign(cognitoLocalKey);
const b64u = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

const errorText = (j: Gql | null) => (j?.errors ?? []).map((e) => `${e.errorType ?? ''}: ${e.message}`).join(' | ');

export async function runSecurityChecks(t: Target, k: { projectId: string; foreignProjectId: string; taskId: string }): Promise<SecurityCheck[]> {
  const out: SecurityCheck[] = [];
  const check = async (name: string, fn: () => Promise<string>) => {
    try {
      out.push({ name, ok: true, detail: await fn() });
    } catch (e) {
      out.push({ name, ok: false, detail: (e as Error).message.slice(0, 400) });
    }
  };
  const member = await t.token(MEMBER);
  const expect = (cond: boolean, msg: string) => {
    if (!cond) throw new Error(msg);
  };

  await check('introspection off: __schema and __type refused, __typename kept', async () => {
    const schema = await t.post(member, '{ __schema { types { name } } }');
    const type = await t.post(member, '{ __type(name: "Task") { name fields { name } } }');
    const typename = await t.post(member, '{ __typename }');
    expect(schema.status === 200 && !schema.json?.data?.__schema && !!schema.json?.errors?.length, `__schema answered: ${schema.body.slice(0, 200)}`);
    expect(!type.json?.data?.__type && !!type.json?.errors?.length, `__type answered: ${type.body.slice(0, 200)}`);
    expect(typename.json?.data?.__typename === 'Query', `__typename: ${typename.body.slice(0, 200)}`);
    return `__schema: ${errorText(schema.json).slice(0, 120)}`;
  });

  await check('no field suggestions ("Did you mean") while introspection is off', async () => {
    const probes = ['{ tsk(id: "x") { id } }', '{ me { emial } }', 'query { myProject { items { id } } }', 'mutation { createTsk(input: {}) { id } }', '{ task(id: "x") { titl } }'];
    for (const q of probes) {
      const r = await t.post(member, q);
      expect(!!r.json?.errors?.length, `${q}: no error`);
      expect(!/did you mean|Did you mean|suggest/i.test(r.body), `${q}: suggests: ${errorText(r.json)}`);
    }
    return `${probes.length} misspelt fields, no suggestion`;
  });

  await check(`query depth limit (${HARDENED_LIMITS.queryDepthLimit}): deeper fields refused with QueryDepthLimitReached`, async () => {
    const deep = await t.post(member, 'query($t: ID!) { activityByTask(taskId: $t) { items { changes { field } } } }', { t: k.taskId });
    const ok = await t.post(member, 'query($t: ID!) { activityByTask(taskId: $t) { items { id } } }', { t: k.taskId });
    expect((deep.json?.errors ?? []).some((e) => e.errorType === 'QueryDepthLimitReached'), `depth 4: ${deep.body.slice(0, 200)}`);
    expect(ok.status === 200 && !ok.json?.errors, `depth 3 (control) refused: ${ok.body.slice(0, 200)}`);
    return 'depth 4 → QueryDepthLimitReached; depth 3 answered';
  });

  await check(`resolver-count limit (${HARDENED_LIMITS.resolverCountLimit}): an alias flood stops with ResolverExecutionLimitReached`, async () => {
    const n = HARDENED_LIMITS.resolverCountLimit + 5;
    const q = `query($t: ID!) { ${Array.from({ length: n }, (_, i) => `a${i}: task(id: $t) { id }`).join(' ')} }`;
    const r = await t.post(member, q, { t: k.taskId });
    expect(r.status < 500, `HTTP ${r.status}`);
    expect((r.json?.errors ?? []).some((e) => e.errorType === 'ResolverExecutionLimitReached'), `${n} aliases: ${r.body.slice(0, 200)}`);
    return `${n} aliased resolvers → ResolverExecutionLimitReached`;
  });

  await check('GET and form-encoded mutations refused (no CSRF through simple requests)', async () => {
    const key = `CSRF${Date.now() % 1000}`.slice(0, 8).replace(/\d/g, 'X');
    const mutation = `mutation { createProject(input: { key: "${key}", name: "csrf" }) { id } }`;
    const get = await t.send({ method: 'GET', path: `/graphql?query=${encodeURIComponent(mutation)}`, headers: { authorization: member } });
    const form = await t.send({ headers: { authorization: member, 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(mutation)}` });
    const plain = await t.send({ headers: { authorization: member, 'content-type': 'text/plain' }, body: JSON.stringify({ query: mutation }) });
    for (const [name, r] of [['GET', get], ['form', form], ['text/plain', plain]] as const) expect(r.status >= 400 && r.status < 500, `${name}: HTTP ${r.status} ${r.body.slice(0, 120)}`);
    const mine = (await t.must(MEMBER, '{ myProjects(limit: 100) { items { key } } }')).myProjects.items as { key: string }[];
    expect(!mine.some((p) => p.key === key), 'a refused request created the project anyway');
    return `GET ${get.status}, form ${form.status}, text/plain ${plain.status}; nothing created`;
  });

  await check('no stack traces or internals in error messages', async () => {
    const probes: [string, Record<string, unknown>][] = [
      ['{ task(id: ', {}],
      ['query($v: Int!) { myProjects(limit: $v) { items { id } } }', { v: 'x' }],
      ['mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', { i: { projectId: k.projectId, title: 'x'.repeat(100_000) } }],
      ['mutation($i: LogTimeInput!) { logTime(input: $i) { id } }', { i: { taskId: k.taskId, minutes: -5, workDate: '2024-02-30' } }],
      ['query($n: String) { backlog(projectId: "x", nextToken: $n) { items { id } } }', { n: 'garbage' }],
      ['{ task(id: "TASK#x#TASK") { id } }', {}],
    ];
    for (const [q, v] of probes) {
      const r = await t.post(member, q, v);
      expect(r.status < 500, `HTTP ${r.status}`);
      expect(!LEAK.test(r.body), `${q.slice(0, 40)} leaks: ${r.body.slice(0, 300)}`);
      expect(!!r.json?.errors?.length, `${q.slice(0, 40)}: no error`);
    }
    return `${probes.length} failing requests, messages clean`;
  });

  await check('JWTs refused: alg none, wrong signature, wrong audience/client id, past expiry (control: re-signed as is → accepted)', async () => {
    const claims = decodeJwt(member);
    const cases: [string, string][] = [
      ['alg none', `${b64u({ alg: 'none', typ: 'JWT' })}.${b64u(claims)}.`],
      ['wrong signature', `${member.split('.').slice(0, 2).join('.')}.${Buffer.from('not the signature').toString('base64url')}`],
      ['claims changed under the old signature', `${member.split('.')[0]}.${b64u({ ...claims, 'cognito:groups': ['Admins'] })}.${member.split('.')[2]}`],
      ['wrong client id', await resign({ ...claims, client_id: 'someotherclient' })],
      ['past expiry', await resign({ ...claims, iat: claims.iat! - 7200, exp: Math.floor(Date.now() / 1000) - 60 })],
      ['wrong issuer', await resign({ ...claims, iss: `${String(claims.iss)}x` })],
      ['id token for another audience', await resign({ ...claims, token_use: 'id', aud: 'anotherclient' })],
    ];
    const control = await t.post(await resign(claims), '{ me { email } }');
    expect(control.json?.data?.me?.email === MEMBER, `the re-signed unchanged token was not accepted: ${control.body.slice(0, 160)}`);
    const seen: string[] = [];
    for (const [name, jwt] of cases) {
      const r = await t.post(jwt, '{ me { email } }');
      expect(r.status === 401, `${name}: HTTP ${r.status} ${r.body.slice(0, 160)}`);
      expect(r.json?.errors?.[0]?.errorType === 'UnauthorizedException', `${name}: ${r.body.slice(0, 160)}`);
      seen.push(name);
    }
    return `${seen.length} forged tokens → 401 UnauthorizedException`;
  });

  await check('integration token: refused at once when revoked; refused on another project', async () => {
    const created = (await t.must(ADMIN, 'mutation($i: CreateIntegrationTokenInput!) { createIntegrationToken(input: $i) { secret token { id } } }', { i: { projectId: k.projectId, name: `stress ${Date.now()}`, scope: 'READ_WRITE' } })).createIntegrationToken;
    const before = await t.post(created.secret, 'query($p: ID!) { project(id: $p) { id } }', { p: k.projectId });
    expect(before.json?.data?.project?.id === k.projectId, `the new token could not read its project: ${before.body.slice(0, 160)}`);
    const other = await t.post(created.secret, 'query($p: ID!) { project(id: $p) { id } }', { p: k.foreignProjectId });
    expect(!other.json?.data?.project && !!other.json?.errors?.length, `another project answered: ${other.body.slice(0, 160)}`);
    const write = await t.post(created.secret, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', { i: { projectId: k.foreignProjectId, title: 'cross' } });
    expect(!write.json?.data?.createTask, `wrote into another project: ${write.body.slice(0, 160)}`);
    await t.must(ADMIN, 'mutation($p: ID!, $id: ID!) { revokeIntegrationToken(projectId: $p, id: $id) { id } }', { p: k.projectId, id: created.token.id });
    const after = await t.post(created.secret, 'query($p: ID!) { project(id: $p) { id } }', { p: k.projectId });
    expect(after.status === 401, `revoked token: HTTP ${after.status} ${after.body.slice(0, 160)}`);
    return `other project: ${errorText(other.json).slice(0, 60)}; after revoke: HTTP ${after.status}`;
  });

  await check("subscriptions never deliver another project's data", async () => {
    const r = await subscriptionIsolation(t, member, k);
    return r;
  });

  await check('presigned URLs: one key of one project, short expiry (policy and URL asserted: s3rver does not check signatures)', async () => {
    const up = (await t.must(MEMBER, 'mutation($i: CreateAttachmentUploadInput!) { createAttachmentUpload(input: $i) { attachment { id } url fields expiresAt } }', { i: { taskId: k.taskId, fileName: 'a.txt', contentType: 'text/plain', size: 3 } })).createAttachmentUpload;
    const fields = JSON.parse(up.fields) as Record<string, string>;
    const key = `projects/${k.projectId}/tasks/${k.taskId}/${up.attachment.id}`;
    expect(fields.key === key, `key ${fields.key}, expected ${key}`);
    const policy = JSON.parse(Buffer.from(fields.Policy ?? fields.policy ?? '', 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    const ttl = Date.parse(policy.expiration) - Date.now();
    expect(ttl > 0 && ttl <= 15 * 60_000, `policy expires in ${Math.round(ttl / 1000)} s`);
    const conds = JSON.stringify(policy.conditions);
    expect(conds.includes(`{"key":"${key}"}`) || conds.includes(`["eq","$key","${key}"]`), `policy not bound to the one key: ${conds.slice(0, 300)}`);
    expect(/content-length-range/.test(conds), `no size bound: ${conds.slice(0, 300)}`);
    expect(!/starts-with","\$key/.test(conds), 'a key prefix condition lets the upload choose its key');
    const bytes = Buffer.from('abc');
    const form = new FormData();
    for (const [f, v] of Object.entries(fields)) form.append(f, v);
    form.append('file', new Blob([bytes], { type: 'text/plain' }), 'a.txt');
    const put = await fetch(up.url, { method: 'POST', body: form });
    expect(put.status < 300, `upload: ${put.status}`);
    await t.must(MEMBER, 'mutation($t: ID!, $id: ID!) { confirmAttachmentUpload(taskId: $t, id: $id) { id } }', { t: k.taskId, id: up.attachment.id });
    const dl = (await t.must(MEMBER, 'mutation($t: ID!, $id: ID!) { attachmentDownloadUrl(taskId: $t, id: $id) { url expiresAt } }', { t: k.taskId, id: up.attachment.id })).attachmentDownloadUrl;
    const u = new URL(dl.url);
    expect(decodeURIComponent(u.pathname).endsWith(`/${key}`), `download path ${u.pathname}`);
    const expires = Number(u.searchParams.get('X-Amz-Expires'));
    expect(expires > 0 && expires <= 900, `X-Amz-Expires ${expires}`);
    expect(!!u.searchParams.get('X-Amz-Signature'), 'unsigned download URL');
    const other = await t.post(await t.token(OUTSIDER), 'mutation($t: ID!, $id: ID!) { attachmentDownloadUrl(taskId: $t, id: $id) { url } }', { t: k.taskId, id: up.attachment.id });
    expect(!other.json?.data?.attachmentDownloadUrl, `an outsider got a URL: ${other.body.slice(0, 160)}`);
    return `upload policy: key ${key.split('/').slice(0, 2).join('/')}/…, ${Math.round(ttl / 1000)} s; download X-Amz-Expires ${expires}`;
  });
  return out;
}

/**
 * Two connections: MEMBER subscribes to the demo project, OUTSIDER to their own project. A task is created
 * in each; each side must receive its own and never the other's; MEMBER's start on the foreign project is refused.
 */
async function subscriptionIsolation(t: Target, member: string, k: { projectId: string; foreignProjectId: string }): Promise<string> {
  const outsider = await t.token(OUTSIDER);
  const host = `localhost:${t.info.port}`;
  const SUB = 'subscription S($p: ID!) { onTaskChanged(projectId: $p) { id projectId title } }';
  const open = async (token: string) => {
    const header = Buffer.from(JSON.stringify({ host, Authorization: token })).toString('base64');
    const ws = new WebSocket(`wss://${host}/graphql/realtime?header=${encodeURIComponent(header)}&payload=e30=`, ['graphql-ws'], { ca: t.info.caCertPem });
    const frames: { type: string; id?: string; payload?: any }[] = [];
    const waiters: (() => void)[] = [];
    ws.on('message', (d) => {
      frames.push(JSON.parse(d.toString()));
      waiters.splice(0).forEach((w) => w());
    });
    await new Promise<void>((res, rej) => (ws.once('open', () => res()), ws.once('error', rej)));
    const next = (pred: (f: { type: string; id?: string; payload?: any }) => boolean, ms = 20_000) =>
      new Promise<{ type: string; id?: string; payload?: any }>((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no frame within ${ms} ms: ${JSON.stringify(frames).slice(0, 300)}`)), ms);
        const look = () => {
          const f = frames.find(pred);
          if (f) {
            clearTimeout(timer);
            res(f);
          } else waiters.push(look);
        };
        look();
      });
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await next((f) => f.type === 'connection_ack');
    const start = (id: string, p: string) => ws.send(JSON.stringify({ type: 'start', id, payload: { data: JSON.stringify({ query: SUB, variables: { p } }), extensions: { authorization: { Authorization: token, host } } } }));
    return { ws, frames, next, start };
  };
  const m = await open(member);
  const o = await open(outsider);
  try {
    m.start('mine', k.projectId);
    m.start('theirs', k.foreignProjectId);
    o.start('own', k.foreignProjectId);
    await m.next((f) => f.id === 'mine' && f.type === 'start_ack');
    const refused = await m.next((f) => f.id === 'theirs' && (f.type === 'error' || f.type === 'start_ack'));
    if (refused.type !== 'error') throw new Error("a member's start on another project was acknowledged");
    await o.next((f) => f.id === 'own' && f.type === 'start_ack');
    const foreignTask = (await t.must(OUTSIDER, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id projectId title } }', { i: { projectId: k.foreignProjectId, title: 'secret plan' } })).createTask;
    const mineTask = (await t.must(MEMBER, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id projectId title } }', { i: { projectId: k.projectId, title: 'public plan' } })).createTask;
    // Both events are delivered to their own subscribers; MEMBER's arrives after the foreign one was
    // published, so had it been routed to MEMBER it would be there by now (one hub, in order).
    await o.next((f) => f.type === 'data' && f.payload?.data?.onTaskChanged?.id === foreignTask.id);
    await m.next((f) => f.type === 'data' && f.payload?.data?.onTaskChanged?.id === mineTask.id);
    const leaked = m.frames.filter((f) => f.type === 'data' && f.payload?.data?.onTaskChanged?.projectId !== k.projectId);
    const leakedOther = o.frames.filter((f) => f.type === 'data' && f.payload?.data?.onTaskChanged?.projectId !== k.foreignProjectId);
    if (leaked.length || leakedOther.length) throw new Error(`cross-project delivery: ${JSON.stringify([...leaked, ...leakedOther]).slice(0, 300)}`);
    return `foreign start refused (${String(refused.payload?.errors?.[0]?.errorType)}); each side got only its project's events`;
  } finally {
    m.ws.close();
    o.ws.close();
  }
}
