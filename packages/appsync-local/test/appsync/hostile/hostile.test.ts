/**
 * Hostile input against one whole local runtime (docs/local-runtime.md, "Hostile input"): a few
 * hundred generated malformed or hostile requests over HTTPS — wrong methods and content types,
 * invalid JSON and UTF-8, wrong types, oversized strings, invalid AWS scalars, unknown ids, deep
 * nesting, alias and fragment floods, huge variable arrays, bad credentials — and malformed WebSocket
 * frames. Every answer must be a non-5xx JSON body in AppSync's shape, with no stack trace or file
 * path in any message, and the runtime must still answer a normal query afterwards. Deterministic
 * (a seeded generator); timings are not asserted.
 */
import { describe, expect, it } from 'vitest';
import { request as httpsRequest } from 'node:https';
import { useLocalRuntime } from '../../support/runtime.ts';
import { RawClient, b64 } from '../realtime/wsclient.ts';

const rt = useLocalRuntime();

/** What must never appear in a message: stack frames, source paths, engine internals. */
const LEAK = /\n\s*at |\bat .+:\d+:\d+|\.[cm]?[jt]s\b|\/work\/|node_modules|__vite_ssr|Maximum call stack|is not a function|Cannot read propert|undefined \(reading/;

/** A seeded generator (mulberry32), so every run sends the same requests. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

interface Raw {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A raw HTTPS request whose body may be any bytes (rt.fetch sends strings only). */
function send(req: Raw): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = httpsRequest(
      { host: 'localhost', port: rt.runtime.server.port, path: req.path ?? '/graphql', method: req.method ?? 'POST', headers: req.headers, agent: rt.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

const REQUEST_KEYS = ['locations', 'message', 'path'];
const FIELD_KEYS = ['data', 'errorInfo', 'errorType', 'locations', 'message', 'path'];

/** Checks one answer; returns a description of what is wrong, or null. */
function problemWith(name: string, res: { status: number; body: string }): string | null {
  if (res.status >= 500) return `${name}: HTTP ${res.status} ${res.body.slice(0, 200)}`;
  if (res.status === 204 || name === 'method HEAD') return res.body === '' ? null : `${name}: a body`;
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    return `${name}: not JSON: ${res.body.slice(0, 200)}`;
  }
  if (!json || typeof json !== 'object') return `${name}: not an object`;
  const body = json as { data?: unknown; errors?: unknown };
  const errors = body.errors;
  if (errors !== undefined && (!Array.isArray(errors) || errors.length === 0)) return `${name}: errors is not a non-empty array`;
  for (const e of (errors ?? []) as Record<string, unknown>[]) {
    if (typeof e.message !== 'string') return `${name}: an error without a message`;
    if (LEAK.test(e.message)) return `${name}: leaks internals: ${e.message.slice(0, 300)}`;
    const keys = Object.keys(e).sort().join(',');
    if (res.status === 200) {
      // A GraphQL answer: request errors {path: null, locations, message}, or full field entries.
      if (!('data' in body)) return `${name}: 200 without data`;
      if (keys !== REQUEST_KEYS.join(',') && keys !== FIELD_KEYS.join(',')) return `${name}: error keys ${keys}`;
    } else if (keys !== 'errorType,message' || typeof e.errorType !== 'string') {
      // A transport or auth refusal: {errors: [{errorType, message}]}.
      return `${name}: HTTP ${res.status} error keys ${keys}`;
    }
  }
  if (res.status === 200 && errors === undefined && !('data' in body)) return `${name}: neither data nor errors`;
  return null;
}

const TYPES = ['ID', 'ID!', 'String', 'Int', 'Float', 'Boolean', 'AWSDateTime', 'AWSDate', 'AWSEmail', 'AWSJSON', 'AWSURL', 'AWSTimestamp', '[ID!]', 'CreateTaskInput!'];
const VALUES: unknown[] = [
  null, 0, -1, 2 ** 53, 1.5, 'NaN', true, '', ' ', 'x'.repeat(70_000), '\u0000', '\ud800', '💥', '<script>', "'; DROP TABLE", '__proto__',
  [], [1, 'a', null], {}, { __proto__: { polluted: true } }, { constructor: { prototype: 1 } },
  '2024-02-30T25:61:00Z', 'not-an-email', '{a:1}', 'javascript:alert(1)', 'task#00000000', 'PROJECT#x|SK', '../../etc/passwd',
];
const FIELDS = [
  'me { id email }',
  'task(id: $v) { id title project { id name } }',
  'project(id: $v) { id name key }',
  'sprint(id: $v) { id }',
  'myProjects(limit: $v) { items { id } nextToken }',
  'backlog(projectId: $v, limit: 5) { items { id } }',
  'tasksByStatus(projectId: "p", status: $v) { items { id } }',
];
const MUTATIONS = [
  'createTask(input: $v) { id title }',
  'updateTask(input: $v) { id }',
  'createProject(input: $v) { id key }',
  'archiveTask(id: $v) { id }',
  'assignTask(id: $v, assigneeId: $v) { id }',
];

function graphqlCases(token: string): [string, Raw][] {
  const r = random(20240501);
  const json = (payload: unknown, headers: Record<string, string> = {}): Raw => ({
    headers: { 'content-type': 'application/json', authorization: token, ...headers },
    body: JSON.stringify(payload),
  });
  const cases: [string, Raw][] = [];
  // Variables of every kind of wrong value, in every position.
  for (let i = 0; i < 160; i += 1) {
    const type = r.pick(TYPES);
    const value = r.pick(VALUES);
    const mutation = r.int(3) === 0;
    const field = mutation ? r.pick(MUTATIONS) : r.pick(FIELDS);
    const query = `${mutation ? 'mutation' : 'query'} Q($v: ${type}) { ${field} }`;
    const variables = r.int(10) === 0 ? r.pick([[1, 2], 'str', 5, { v: { input: value } }]) : { v: value };
    cases.push([`vars#${i} ${type}`, json({ query, variables })]);
  }
  // Literals of the wrong type, oversized, invalid AWS scalars.
  const literals = ['1', '-0.5e999', '"x"', 'true', 'null', '[1,2]', '{a: 1}', 'ENUM', `"${'y'.repeat(100_000)}"`, '"2024-13-01"', '"""block"""', '$undeclared'];
  for (let i = 0; i < 40; i += 1) {
    const lit = r.pick(literals);
    const query = r.pick([
      `{ task(id: ${lit}) { id } }`,
      `{ myProjects(limit: ${lit}) { items { id } } }`,
      `mutation { createTask(input: { projectId: ${lit}, title: ${lit}, dueAt: ${lit}, estimatePoints: ${lit} }) { id } }`,
      `mutation { createProject(input: { key: ${lit}, name: ${lit} }) { id } }`,
    ]);
    cases.push([`literal#${i}`, json({ query })]);
  }
  // Unknown ids (well-formed), syntax errors, multiple operations, subscriptions over HTTP.
  for (let i = 0; i < 20; i += 1) cases.push([`unknown-id#${i}`, json({ query: `{ task(id: "${r.int(1e9)}") { id } project(id: "nope-${i}") { id } }` })]);
  const broken = ['{', '}', '{ me { id }', 'query {', 'query Q($: ID) { me { id } }', '{ me { id } } }', '"unterminated', '{ me(id: ) { id } }', '# only a comment', '{ __schema { types { name } } }', 'subscription { onTaskChanged(projectId: "p") { id } }', 'query A { me { id } } query A { me { id } }', 'fragment F on User { id }', '{ ...Missing }'];
  for (const query of broken) cases.push([`broken ${query.slice(0, 20)}`, json({ query })]);
  cases.push(['two ops', json({ query: 'query A { me { id } } query B { me { id } }' })]);
  cases.push(['unknown op', json({ query: 'query A { me { id } }', operationName: 'Nope' })]);
  cases.push(['op name not a string', json({ query: 'query A { me { id } }', operationName: 7 })]);
  // Deep nesting: selections, list and object literals, variables, fragment chains and cycles.
  cases.push(['deep selection', json({ query: `{ me ${'{ id '.repeat(5000)}${'}'.repeat(5000)} }` })]);
  cases.push(['deep list literal', json({ query: `{ task(id: ${'['.repeat(30_000)}${']'.repeat(30_000)}) { id } }` })]);
  cases.push(['deep object literal', json({ query: `{ task(id: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}) { id } }` })]);
  cases.push(['deep variables', { headers: { 'content-type': 'application/json', authorization: token }, body: `{"query":"query Q($v: AWSJSON) { task(id: $v) { id } }","variables":{"v":${'['.repeat(200_000)}${']'.repeat(200_000)}}}` }]);
  cases.push(['deep unused body key', { headers: { 'content-type': 'application/json', authorization: token }, body: `{"query":"{ me { id } }","x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}` }]);
  const chain = (n: number, last: string) => `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { __typename ${i < n - 1 ? `...F${i + 1}` : last} }`).join(' ')}`;
  cases.push(['fragment chain', json({ query: chain(5000, '') })]);
  cases.push(['fragment cycle', json({ query: chain(5000, '...F0') })]);
  cases.push(['flat fragments', json({ query: `{ me { ${Array.from({ length: 3000 }, (_, i) => `...F${i}`).join(' ')} } } ${Array.from({ length: 3000 }, (_, i) => `fragment F${i} on User { id }`).join(' ')}` })]);
  cases.push(['fragment fan-out', json({ query: `{ me { ...F0 } } ${Array.from({ length: 25 }, (_, i) => `fragment F${i} on User { id ${i < 24 ? `...F${i + 1} ...F${i + 1}` : ''} }`).join(' ')}` })]);
  // Floods: aliases, one field repeated, directives, too many tokens.
  cases.push(['alias flood', json({ query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ')} }` })]);
  cases.push(['resolver alias flood', json({ query: `{ ${Array.from({ length: 300 }, (_, i) => `t${i}: task(id: "${i}") { id }`).join(' ')} }` })]);
  cases.push(['same field flood', json({ query: `{ ${'me { id } '.repeat(4000)} }` })]);
  cases.push(['directive flood', json({ query: `{ me @skip(if: false) ${'@include(if: true) '.repeat(3000)} { id } }` })]);
  cases.push(['token flood', json({ query: `{ ${'__typename '.repeat(60_000)} }` })]);
  cases.push(['huge variable array', json({ query: 'query Q($v: [ID!]) { me { id } }', variables: { v: Array.from({ length: 100_000 }, (_, i) => String(i)) } })]);
  cases.push(['huge used variable array', json({ query: 'mutation M($v: [String!]) { createTask(input: { projectId: "p", title: "t", labels: $v }) { id } }', variables: { v: Array.from({ length: 50_000 }, () => 'label') } })]);
  cases.push(['introspection', json({ query: '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }' })]);
  return cases;
}

function transportCases(token: string): [string, Raw][] {
  const auth = { authorization: token };
  const cases: [string, Raw][] = [];
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE']) cases.push([`method ${method}`, { method, headers: { ...auth, 'content-type': 'application/json' }, body: method === 'GET' || method === 'HEAD' || method === 'TRACE' ? undefined : '{"query":"{ me { id } }"}' }]);
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'application/graphql', '', 'application/json; charset=latin1', 'application/jsonx', 'APPLICATION/JSON']) {
    cases.push([`content-type ${type || '(none)'}`, { headers: { ...auth, ...(type ? { 'content-type': type } : {}) }, body: type.includes('form') ? 'query=%7Bme%7Bid%7D%7D' : '{"query":"{ me { id } }"}' }]);
  }
  const jsonHeaders = { ...auth, 'content-type': 'application/json' };
  const bodies: (string | Buffer)[] = [
    '', ' ', 'null', '0', '"str"', '[]', '[{"query":"{ me { id } }"}]', '{', '{"query":null}', '{"query":{}}', '{"query":"{ me { id } }","variables":[]}', '{"query":"{ me { id } }","variables":"x"}',
    '{"query":"{ me { id } }","variables":{"__proto__":{"x":1}}}', '{"__proto__":{"query":"{ me { id } }"}}',
    Buffer.from([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
    Buffer.concat([Buffer.from('{"query":"{ task(id: \\"'), Buffer.from([0xed, 0xa0, 0x80, 0xf8, 0x88]), Buffer.from('\\") { id } }"}')]),
    Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"query":"{ me { id } }"}')]),
    '\u0000{"query":"{ me { id } }"}',
  ];
  bodies.forEach((body, i) => cases.push([`body#${i}`, { headers: jsonHeaders, body }]));
  cases.push(['oversized body', { headers: jsonHeaders, body: `{"query":"{ me { id } }","pad":"${'z'.repeat(1024 * 1024 + 10)}"}` }]);
  for (const path of ['/', '/graphql/', '/graphql/realtime', '/GRAPHQL', '/graphql?x=%zz', '/%', '/v1/dataplane-evaluatecode', '//graphql', '/graphql#x']) {
    cases.push([`path ${path}`, { path, headers: jsonHeaders, body: '{"query":"{ me { id } }"}' }]);
  }
  // Credentials: none, garbage, alg none, a wrong signature, an API key the API does not have.
  const none = `${b64({ alg: 'none', typ: 'JWT' }).replace(/=+$/, '')}.${b64({ sub: 'x', token_use: 'access' }).replace(/=+$/, '')}.`;
  const [h, p] = token.split('.');
  for (const authorization of ['', 'Bearer', 'x'.repeat(8000), none, `${h}.${p}.AAAA`, `${h}.${p}`, 'AWS4-HMAC-SHA256 Credential=x', 'a.b.c', `Bearer ${token}`]) {
    cases.push([`auth ${authorization.slice(0, 12)}`, { headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: '{"query":"{ me { id } }"}' }]);
  }
  cases.push(['api key', { headers: { 'content-type': 'application/json', 'x-api-key': 'da2-nope' }, body: '{"query":"{ me { id } }"}' }]);
  cases.push(['evaluate code garbage', { path: '/v1/dataplane-evaluatecode', headers: jsonHeaders, body: '{"runtime":{"name":"APPSYNC_JS"},"code":"export function request(ctx) { return ctx.a.b.c; }","context":"{","function":"request"}' }]);
  return cases;
}

describe('hostile HTTP requests', () => {
  it('never answers 5xx, always JSON in AppSync shape, never leaks internals; still serves afterwards', async () => {
    const token = await rt.token('max@taskwire.local');
    const cases = [...transportCases(token), ...graphqlCases(token)];
    expect(cases.length).toBeGreaterThan(300);
    const problems: string[] = [];
    // A few at a time: concurrency without starving the 2-core machine.
    for (let i = 0; i < cases.length; i += 4) {
      const batch = cases.slice(i, i + 4);
      const answers = await Promise.all(batch.map(([, req]) => send(req).catch((e: unknown) => ({ status: -1, body: String(e) }))));
      answers.forEach((res, j) => {
        const name = batch[j]![0];
        // The oversized body may be cut off after its 413 is written; every other request is answered.
        if (res.status === -1 && name === 'oversized body') return;
        const problem = res.status === -1 ? `${name}: no answer (${res.body})` : problemWith(name, res);
        if (problem) problems.push(problem);
      });
    }
    expect(problems).toEqual([]);
    const after = await rt.post({ query: '{ me { email } }' }, token);
    expect(after).toEqual({ status: 200, json: { data: { me: { email: 'max@taskwire.local' } } } });
  }, 240_000);
});

describe('hostile WebSocket frames', () => {
  const SUB = 'subscription S($p: ID!) { onTaskChanged(projectId: $p) { id } }';

  it('answers malformed frames and starts with error frames in AppSync shape, leaks nothing, keeps serving', async () => {
    const token = await rt.token('max@taskwire.local');
    const host = `localhost:${rt.runtime.server.port}`;
    const url = `wss://${host}/graphql/realtime?header=${encodeURIComponent(b64({ host, Authorization: token }))}&payload=e30=`;
    const c = new RawClient(url, ['graphql-ws'], { ca: rt.runtime.caCertPem });
    try {
      expect((await c.init()).type).toBe('connection_ack');
      const start = (id: unknown, data: unknown, authorization: unknown = { Authorization: token, host }) =>
        ({ type: 'start', id, payload: { data: typeof data === 'string' ? data : JSON.stringify(data), extensions: { authorization } } });
      const frames: unknown[] = [
        'not json', '', '5', 'null', '[]', '"str"', '{"type":', { type: 5 }, { type: 'start' }, { type: 'start', id: 'p', payload: 'x' },
        { type: 'start', id: 'n', payload: null }, { type: 'start', id: {}, payload: {} },
        start('bad-data', '{not json'),
        start('no-query', { variables: {} }),
        start('deep', { query: `subscription { onTaskChanged(projectId: ${'['.repeat(20_000)}${']'.repeat(20_000)}) { id } }` }),
        start('chain', { query: `subscription { ...F0 } ${Array.from({ length: 3000 }, (_, i) => `fragment F${i} on Subscription { ${i < 2999 ? `...F${i + 1}` : 'onTaskChanged(projectId: "p") { id }'} }`).join(' ')}` }),
        start('vars-array', { query: SUB, variables: [1, 2] }),
        start('vars-wrong', { query: SUB, variables: { p: { x: 1 } } }),
        start('auth-number', { query: SUB, variables: { p: 'p' } }, { Authorization: 123 }),
        start('auth-object', { query: SUB, variables: { p: 'p' } }, { Authorization: { a: 1 }, 'x-forwarded-for': 7 }),
        start('auth-array', { query: SUB, variables: { p: 'p' } }, [token]),
        start('forwarded-number', { query: SUB, variables: { p: 'p' } }, { Authorization: token, 'x-forwarded-for': 7 }),
        start('query', { query: '{ me { id } }' }),
        { type: 'stop' }, { type: 'stop', id: 5 }, { type: 'stop', id: 'never-started' }, { type: 'connection_init', payload: 'x' },
      ];
      for (const f of frames) c.send(f);
      c.ws.send(Buffer.from([0xff, 0x00, 0x01]), { binary: true });
      // The last start is a valid one: once it is answered, every frame before it has been handled.
      c.send(start('valid', { query: SUB, variables: { p: 'no-such-project' } }));
      await c.next((f) => f.id === 'valid', 15_000);
      const leaks = c.frames.flatMap((f) => (f.payload?.errors ?? []) as { message?: string; errorType?: string }[]).filter((e) => typeof e.message !== 'string' || LEAK.test(e.message));
      expect(leaks).toEqual([]);
      for (const f of c.frames) expect(['connection_ack', 'ka', 'error', 'start_ack', 'complete']).toContain(f.type);
      // Header values that are not strings are read as text or dropped, never thrown on: the valid token still works.
      expect(c.all('error', 'forwarded-number')[0]?.payload.errors[0].errorType).not.toBe('UnauthorizedException');
      expect(c.all('error', 'auth-number')[0]?.payload.errors[0].errorType).toBe('UnauthorizedException');
      // A frame over the 1 MB bound closes that socket only (1009, message too big).
      c.send('x'.repeat(1024 * 1024 + 1));
      expect((await c.waitClosed(10_000)).code).toBe(1009);
    } finally {
      c.close();
    }
    // The endpoint and the API still serve.
    const again = new RawClient(url, ['graphql-ws'], { ca: rt.runtime.caCertPem });
    try {
      expect((await again.init()).type).toBe('connection_ack');
    } finally {
      again.close();
    }
    expect((await rt.post({ query: '{ me { email } }' }, token)).status).toBe(200);
  }, 60_000);
});
