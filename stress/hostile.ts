/**
 * Hostile input from a property-based generator (fast-check): requests built from arbitraries for each
 * kind of malformed or hostile input — wrong types, oversized strings and lists, invalid AWS scalars,
 * unknown and foreign ids, ids with the table's key separator `#`, tampered and replayed nextTokens,
 * deep nesting, alias and batch floods, directive overloading, broken transport (methods, content
 * types, bodies) — plus malformed WebSocket frames. Every answer must be a non-5xx JSON body in
 * AppSync's shape with no internals in any message, and the runtime must still serve afterwards.
 *
 * The cases are drawn with `fc.sample` from a fixed seed (the same seed draws the same requests), then
 * sent a few at a time. test/local/hostile/hostile.test.ts is the hand-written counterpart.
 */
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { ADMIN, MEMBER, OUTSIDER, type RawAnswer, type Target } from './target.ts';

/** What must never appear in a message: stack frames, source paths, engine internals. */
export const LEAK = /\n\s*at |\bat \S+ \(\S+:\d+:\d+\)|\bat (?:file:|node:|\/)\S+:\d+:\d+|\.[cm]?[jt]s\b|\/work\/|node_modules|__vite_ssr|Maximum call stack|is not a function|Cannot read propert|undefined \(reading|\bTypeError\b|\bReferenceError\b|SyntaxError: Unexpected|ECONNREFUSED|ResourceNotFoundException|ValidationException: /;

const REQUEST_KEYS = 'locations,message,path';
const FIELD_KEYS = 'data,errorInfo,errorType,locations,message,path';

/** What is wrong with one HTTP answer (null: nothing). Same rules as the hand-written hostile suite. */
export function problemWith(name: string, res: RawAnswer, method = 'POST'): string | null {
  if (res.status === -1) return `${name}: no answer (${res.body.slice(0, 120)})`;
  if (res.status >= 500) return `${name}: HTTP ${res.status} ${res.body.slice(0, 200)}`;
  if (res.status === 204 || method === 'HEAD') return res.body === '' ? null : `${name}: a body`;
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    return `${name}: not JSON: ${res.body.slice(0, 200)}`;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return `${name}: not an object`;
  const body = json as { data?: unknown; errors?: unknown };
  const errors = body.errors;
  if (errors !== undefined && (!Array.isArray(errors) || errors.length === 0)) return `${name}: errors is not a non-empty array`;
  for (const e of (errors ?? []) as Record<string, unknown>[]) {
    if (typeof e.message !== 'string') return `${name}: an error without a message`;
    if (LEAK.test(e.message)) return `${name}: leaks internals: ${e.message.slice(0, 300)}`;
    // A data source's own error (DynamoDB:…) means no resolver turned bad input into a clear error.
    if (typeof e.errorType === 'string' && e.errorType.startsWith('DynamoDB:')) return `${name}: a data source error reached the client: ${e.errorType} ${e.message.slice(0, 200)}`;
    const keys = Object.keys(e).sort().join(',');
    if (res.status === 200) {
      if (!('data' in body)) return `${name}: 200 without data`;
      if (keys !== REQUEST_KEYS && keys !== FIELD_KEYS) return `${name}: error keys ${keys}`;
      if (keys === FIELD_KEYS && typeof e.errorType !== 'string') return `${name}: a field error without errorType`;
    } else if (keys !== 'errorType,message' || typeof e.errorType !== 'string') {
      return `${name}: HTTP ${res.status} error keys ${keys}`;
    }
  }
  if (res.status === 200 && errors === undefined && !('data' in body)) return `${name}: neither data nor errors`;
  return null;
}

export interface Known {
  projectId: string;
  taskId: string;
  foreignProjectId: string;
  foreignTaskId: string;
  /** A real nextToken of `tasksByStatus(projectId, TODO, limit 1)` as ADMIN. */
  nextToken: string | null;
}

/** Ids and a nextToken to aim at: the demo project's, and a project ADMIN/MEMBER are not in (OUTSIDER's). */
export async function prepareKnown(t: Target, projectId: string): Promise<Known> {
  const task = (await t.must(ADMIN, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', { i: { projectId, title: 'hostile target' } })).createTask.id as string;
  await t.must(ADMIN, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', { i: { projectId, title: 'hostile target 2' } });
  const key = `F${Date.now().toString(36).toUpperCase().slice(-6)}`.replace(/[^A-Z]/g, 'X').slice(0, 6);
  const foreign = (await t.must(OUTSIDER, 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', { i: { key, name: 'Foreign' } })).createProject.id as string;
  const foreignTask = (await t.must(OUTSIDER, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', { i: { projectId: foreign, title: 'not yours' } })).createTask.id as string;
  const page = await t.must(ADMIN, 'query($p: ID!) { tasksByStatus(projectId: $p, status: TODO, limit: 1) { items { id } nextToken } }', { p: projectId });
  return { projectId, taskId: task, foreignProjectId: foreign, foreignTaskId: foreignTask, nextToken: page.tasksByStatus.nextToken };
}

export interface HostileCase {
  kind: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

const json = (token: string, payload: unknown, kind: string): HostileCase => ({ kind, headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify(payload) });

/** The arbitraries: one per kind of hostile input. */
export function hostileArbitrary(k: Known, tokens: { member: string; admin: string }): fc.Arbitrary<HostileCase> {
  const token = fc.constantFrom(tokens.member, tokens.admin);
  const ids = fc.oneof(
    fc.constantFrom(k.taskId, k.projectId, k.foreignTaskId, k.foreignProjectId),
    fc.ulid(),
    fc.uuid(),
    fc.string({ maxLength: 40 }),
    // Ids carrying the table's key separator, other keys' prefixes, or the key of another item.
    fc.tuple(fc.constantFrom(k.taskId, k.projectId, 'x', ''), fc.constantFrom('#', '#TASK', '#COMMENT#', '#ACTIVITY#', '#MEMBER#', '#PURGE', '#STATUS#TODO', '#BACKLOG'), fc.string({ maxLength: 12 })).map(([a, b, c]) => `${a}${b}${c}`),
    fc.constantFrom(`TASK#${k.taskId}`, `PROJECT#${k.projectId}`, `PROJECT#${k.foreignProjectId}#STATUS#TODO`, `${k.foreignTaskId}#TASK`, 'USER#x', 'PROJECTS', 'PURGE#PENDING', '#', '##', '\u0000', '%23'),
  );
  const wrongValue = fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 2 ** 31, 2 ** 53, 1.5, -0, 'NaN', 'Infinity', '', ' ', '\u0000', '\ud800', '__proto__', 'constructor'),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 4 }),
    fc.jsonValue({ maxDepth: 3 }),
  );
  const oversized = fc.oneof(
    fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
    fc.integer({ min: 1_000, max: 20_000 }).map((n) => '💥'.repeat(n)),
    fc.integer({ min: 100, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => `l${i}`)),
  );
  const badScalar = fc.oneof(
    fc.constantFrom('2024-02-30T10:00:00Z', '2024-13-01T00:00:00Z', '1999-12-31T23:59:59Z', '2101-01-01T00:00:00Z', '2024-01-01', '2024-01-01T25:61:00Z', 'yesterday', '0', '-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '2024-01-01T00:00:00+25:00'),
    fc.constantFrom('2024-02-30', '24-01-01', '2024/01/01', '2024-1-1', 'not-an-email', 'a@', '@b', 'a@b@c', '{a:1}', '[', 'javascript:alert(1)', 'http//x', '1e309', '-1', '1.5'),
    fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().replace('Z', '+99:00'))),
    fc.string({ maxLength: 25 }),
  );
  const tamperedToken = (k.nextToken
    ? fc.oneof(
        fc.constant(k.nextToken),
        fc.tuple(fc.nat(Math.max(0, k.nextToken.length - 1)), fc.string({ minLength: 1, maxLength: 1 })).map(([i, c]) => k.nextToken!.slice(0, i) + c + k.nextToken!.slice(i + 1)),
        fc.nat(k.nextToken.length).map((n) => k.nextToken!.slice(0, n)),
        fc.constant(k.nextToken + k.nextToken),
        fc.constant(Buffer.from(JSON.stringify({ PK: `PROJECT#${k.foreignProjectId}#STATUS#TODO`, SK: 'x' })).toString('base64')),
      )
    : fc.constant('eyJQSyI6IngifQ==')) as fc.Arbitrary<string>;

  const wrongTypes = fc
    .tuple(token, fc.constantFrom(
      ['query($v: ID!) { task(id: $v) { id title } }', 'v'],
      ['query($v: ID!) { project(id: $v) { id name } }', 'v'],
      ['query($v: Int) { myProjects(limit: $v) { items { id } } }', 'v'],
      ['query($v: TaskStatus!) { tasksByStatus(projectId: "p", status: $v) { items { id } } }', 'v'],
      ['mutation($v: CreateTaskInput!) { createTask(input: $v) { id } }', 'v'],
      ['mutation($v: UpdateTaskInput!) { updateTask(input: $v) { id } }', 'v'],
      ['mutation($v: MoveTaskInput!) { moveTask(input: $v) { id } }', 'v'],
      ['mutation($v: LogTimeInput!) { logTime(input: $v) { id } }', 'v'],
      ['mutation($v: AddCommentInput!) { addComment(input: $v) { id } }', 'v'],
      ['mutation($v: CreateSprintInput!) { createSprint(input: $v) { id } }', 'v'],
    ), wrongValue)
    .map(([tok, [query], v]) => json(tok, { query, variables: { v } }, 'wrong types'));

  const inputs = fc
    .tuple(token, fc.constantFrom('createTask', 'updateTask', 'logTime', 'addComment', 'createSprint', 'createAttachmentUpload', 'createStory'), fc.oneof(oversized, badScalar, wrongValue, ids), fc.nat(5))
    .map(([tok, op, v, slot]) => {
      const base: Record<string, Record<string, unknown>> = {
        createTask: { projectId: k.projectId, title: 't', labels: [], dueAt: null, estimatePoints: 1, description: 'd' },
        updateTask: { id: k.taskId, expectedVersion: 1, title: 't', dueAt: null, labels: [] },
        logTime: { taskId: k.taskId, minutes: 5, workDate: '2024-01-01', note: 'n' },
        addComment: { taskId: k.taskId, body: 'b' },
        createSprint: { projectId: k.projectId, name: 'n', startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-10T00:00:00Z' },
        createAttachmentUpload: { taskId: k.taskId, fileName: 'f.txt', contentType: 'text/plain', size: 3 },
        createStory: { projectId: k.projectId, title: 't', acceptanceCriteria: ['a'] },
      };
      const input = { ...base[op]! };
      const fields = Object.keys(input);
      input[fields[slot % fields.length]!] = v;
      const types: Record<string, string> = { createTask: 'CreateTaskInput', updateTask: 'UpdateTaskInput', logTime: 'LogTimeInput', addComment: 'AddCommentInput', createSprint: 'CreateSprintInput', createAttachmentUpload: 'CreateAttachmentUploadInput', createStory: 'CreateStoryInput' };
      const sel = op === 'createAttachmentUpload' ? 'url' : 'id';
      return json(tok, { query: `mutation($i: ${types[op]}!) { ${op}(input: $i) { ${sel} } }`, variables: { i: input } }, 'oversized, invalid scalars, bad fields');
    });

  const foreignIds = fc
    .tuple(token, ids, fc.constantFrom(
      'query($v: ID!) { task(id: $v) { id title } }',
      'query($v: ID!) { project(id: $v) { id } }',
      'query($v: ID!) { commentsByTask(taskId: $v) { items { id } } }',
      'query($v: ID!) { activityByProject(projectId: $v) { items { id } } }',
      'query($v: ID!) { backlog(projectId: $v) { items { id } } }',
      'query($v: ID!) { sprint(id: $v) { id } }',
      'query($v: ID!) { story(id: $v) { id } }',
      'mutation($v: ID!) { archiveTask(id: $v) { id } }',
      'mutation($v: ID!) { watchTask(id: $v) { id } }',
      'mutation($v: ID!) { deleteComment(taskId: $v, id: $v) { id } }',
      'mutation($v: ID!) { startSprint(id: $v) { id } }',
      'mutation($v: ID!) { assignTask(id: $v, assigneeId: $v) { id } }',
    ))
    .map(([tok, v, query]) => json(tok, { query, variables: { v } }, 'unknown, foreign and #-ids'));

  const pageTokens = fc
    .tuple(token, tamperedToken, fc.constantFrom(
      ['tasksByStatus(projectId: $p, status: TODO, limit: 1)', k.projectId],
      ['tasksByStatus(projectId: $p, status: DONE, limit: 1)', k.projectId],
      ['tasksByStatus(projectId: $p, status: TODO, limit: 1)', k.foreignProjectId],
      ['backlog(projectId: $p, limit: 1)', k.projectId],
      ['activityByProject(projectId: $p, limit: 1)', k.projectId],
    ))
    .map(([tok, nt, [field, p]]) => json(tok, { query: `query($p: ID!, $n: String) { ${field.replace(')', ', nextToken: $n)')} { items { id } nextToken } }`, variables: { p, n: nt } }, 'tampered and replayed nextTokens'));

  const nesting = fc.oneof(
    fc.integer({ min: 10, max: 3000 }).map((n) => `{ me ${'{ id '.repeat(n)}${'}'.repeat(n)} }`),
    fc.integer({ min: 10, max: 20_000 }).map((n) => `{ task(id: ${'['.repeat(n)}${']'.repeat(n)}) { id } }`),
    fc.integer({ min: 10, max: 5_000 }).map((n) => `{ task(id: ${'{a: '.repeat(n)}1${'}'.repeat(n)}) { id } }`),
    fc.integer({ min: 10, max: 2_000 }).map((n) => `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { __typename ...F${(i + 1) % n} }`).join(' ')}`),
  ).chain((query) => token.map((tok) => json(tok, { query }, 'deep nesting')));

  const floods = fc.oneof(
    fc.integer({ min: 10, max: 5_000 }).map((n) => ({ query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }` })),
    fc.integer({ min: 10, max: 400 }).map((n) => ({ query: `{ ${Array.from({ length: n }, (_, i) => `t${i}: task(id: "${k.taskId}") { id }`).join(' ')} }` })),
    fc.integer({ min: 2, max: 200 }).map((n) => Array.from({ length: n }, () => ({ query: '{ me { id } }' }))),
    fc.integer({ min: 2, max: 50 }).map((n) => Array.from({ length: n }, (_, i) => ({ query: `mutation { addComment(input: { taskId: "${k.taskId}", body: "batch ${i}" }) { id } }` }))),
    fc.integer({ min: 2, max: 100 }).map((n) => ({ query: Array.from({ length: n }, (_, i) => `query Q${i} { me { id } }`).join(' '), operationName: `Q${n - 1}` })),
  ).chain((payload) => token.map((tok) => json(tok, payload, 'alias and batch floods')));

  const directives = fc
    .tuple(fc.integer({ min: 1, max: 3_000 }), fc.constantFrom('@include(if: true)', '@skip(if: false)', '@aws_auth', '@deprecated', '@aws_cognito_user_pools', '@nope', '@include(if: "x")', '@skip'))
    .chain(([n, d]) => token.map((tok) => json(tok, { query: `{ me ${`${d} `.repeat(n)} { id ${`${d} `.repeat(Math.min(n, 50))} } }` }, 'directive overloading')));

  const transport = fc.oneof(
    fc.tuple(fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), token).map(([method, tok]): HostileCase => ({ kind: 'transport', method, path: `/graphql?query=${encodeURIComponent('mutation { createProject(input: {key: "GETX", name: "x"}) { id } }')}`, headers: { authorization: tok } })),
    fc.tuple(fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'application/graphql', 'application/jsonx', ''), token).map(([type, tok]): HostileCase => ({
      kind: 'transport',
      headers: { authorization: tok, ...(type ? { 'content-type': type } : {}) },
      body: type.includes('form') ? `query=${encodeURIComponent('mutation { createProject(input: {key: "FORMX", name: "x"}) { id } }')}` : '{"query":"{ me { id } }"}',
    })),
    fc.tuple(fc.string({ unit: 'binary', maxLength: 200 }), token).map(([body, tok]): HostileCase => ({ kind: 'transport', headers: { 'content-type': 'application/json', authorization: tok }, body })),
    fc.tuple(fc.jsonValue({ maxDepth: 4 }), token).map(([v, tok]): HostileCase => ({ kind: 'transport', headers: { 'content-type': 'application/json', authorization: tok }, body: JSON.stringify(v) })),
    fc.constantFrom('', 'Bearer', 'a.b.c', 'x'.repeat(9000), 'twk_nope', 'AWS4-HMAC-SHA256 Credential=x').map((authorization): HostileCase => ({ kind: 'transport', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: '{"query":"{ me { id } }"}' })),
  );

  const weighted = (arbitrary: fc.Arbitrary<HostileCase>, weight: number) => ({ arbitrary, weight });
  return fc.oneof(
    weighted(wrongTypes, 3),
    weighted(inputs, 4),
    weighted(foreignIds, 3),
    weighted(pageTokens, 2),
    weighted(nesting, 1),
    weighted(floods, 1),
    weighted(directives, 1),
    weighted(transport, 2),
  );
}

export interface HostileReport {
  sent: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  errorTypes: Record<string, number>;
  problems: string[];
  wsFrames: number;
  wsProblems: string[];
  servingAfter: boolean;
}

/** Draws `count` cases from the seed and sends them `concurrency` at a time; then malformed WebSocket frames. */
export async function runHostile(t: Target, k: Known, opts: { count: number; seed: number; concurrency?: number; wsFrames?: number }): Promise<HostileReport> {
  const tokens = { member: await t.token(MEMBER), admin: await t.token(ADMIN) };
  const cases = fc.sample(hostileArbitrary(k, tokens), { seed: opts.seed, numRuns: opts.count });
  const report: HostileReport = { sent: 0, byKind: {}, byStatus: {}, errorTypes: {}, problems: [], wsFrames: 0, wsProblems: [], servingAfter: false };
  const concurrency = opts.concurrency ?? 6;
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const res = await t.send({ method: c.method, path: c.path, headers: c.headers, body: c.method && c.method !== 'POST' && c.method !== 'PUT' && c.method !== 'PATCH' ? undefined : c.body });
      report.sent += 1;
      report.byKind[c.kind] = (report.byKind[c.kind] ?? 0) + 1;
      report.byStatus[String(res.status)] = (report.byStatus[String(res.status)] ?? 0) + 1;
      const problem = problemWith(`${c.kind} ${c.method ?? 'POST'} ${(c.body ?? c.path ?? '').slice(0, 100)}`, res, c.method);
      if (problem) report.problems.push(problem);
      else {
        try {
          for (const e of ((JSON.parse(res.body) as { errors?: { errorType?: string }[] }).errors ?? [])) report.errorTypes[e.errorType ?? '(request error)'] = (report.errorTypes[e.errorType ?? '(request error)'] ?? 0) + 1;
        } catch {
          /* a 204 or HEAD */
        }
      }
      // GET/form-encoded mutations must never run: the project keys they try to create must not exist.
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ws = await hostileFrames(t, tokens.member, opts.seed, opts.wsFrames ?? 200);
  report.wsFrames = ws.sent;
  report.wsProblems = ws.problems;
  const after = await t.as(MEMBER, '{ me { email } }');
  report.servingAfter = after.status === 200 && after.json?.data?.me?.email === MEMBER;
  return report;
}

/** Malformed frames on one real-time connection; every answer frame must be well-formed and leak nothing. */
export async function hostileFrames(t: Target, token: string, seed: number, count: number): Promise<{ sent: number; problems: string[] }> {
  const host = `localhost:${t.info.port}`;
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64');
  const url = `wss://${host}/graphql/realtime?header=${encodeURIComponent(b64({ host, Authorization: token }))}&payload=e30=`;
  const SUB = 'subscription S($p: ID!) { onTaskChanged(projectId: $p) { id } }';
  const frame = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.record({ type: fc.constantFrom('start', 'stop', 'connection_init', 'ka', 'data', 'x', 5, null), id: fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)), payload: fc.jsonValue({ maxDepth: 2 }) }).map((v) => JSON.stringify(v)),
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      data: fc.oneof(fc.constant(JSON.stringify({ query: SUB, variables: { p: 'nope' } })), fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), fc.integer({ min: 10, max: 5000 }).map((n) => JSON.stringify({ query: `subscription { onTaskChanged(projectId: ${'['.repeat(n)}${']'.repeat(n)}) { id } }` }))),
      auth: fc.oneof(fc.constant({ Authorization: token, host }), fc.jsonValue({ maxDepth: 2 }), fc.constant({ Authorization: 'a.b.c', host })),
    }).map(({ id, data, auth }) => JSON.stringify({ type: 'start', id, payload: { data, extensions: { authorization: auth } } })),
  );
  const frames = fc.sample(frame, { seed, numRuns: count });
  const problems: string[] = [];
  const received: { id?: string; type?: string; payload?: { errors?: { message?: string }[] } }[] = [];
  const ws = new WebSocket(url, ['graphql-ws'], { ca: t.info.caCertPem });
  const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let answered: () => void = () => undefined;
    const finalAnswered = new Promise<void>((resolve) => (answered = resolve));
    ws.on('message', (d) => {
      try {
        const f = JSON.parse(d.toString()) as { id?: string };
        received.push(f);
        if (f.id === 'final') answered();
      } catch {
        problems.push(`frame not JSON: ${d.toString().slice(0, 100)}`);
      }
    });
    ws.send(JSON.stringify({ type: 'connection_init' }));
    for (const f of frames) ws.send(f);
    // The last start is valid: its answer comes after every frame before it was handled.
    ws.send(JSON.stringify({ type: 'start', id: 'final', payload: { data: JSON.stringify({ query: SUB, variables: { p: 'nope' } }), extensions: { authorization: { Authorization: token, host } } } }));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([finalAnswered, closed, new Promise((r) => (timer = setTimeout(r, 30_000)))]);
    clearTimeout(timer);
    if (ws.readyState !== WebSocket.OPEN) problems.push('the connection closed on a malformed frame (a frame under 1 MB must not end it)');
    else if (!received.some((f) => (f as { id?: string }).id === 'final')) problems.push('no answer to the final valid start within 30 s');
  } finally {
    ws.close();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))]);
  }
  for (const f of received) {
    if (!['connection_ack', 'ka', 'error', 'start_ack', 'complete', 'data'].includes(String(f.type))) problems.push(`unexpected frame type ${String(f.type)}`);
    for (const e of f.payload?.errors ?? []) if (typeof e.message !== 'string' || LEAK.test(e.message)) problems.push(`frame leaks: ${JSON.stringify(e).slice(0, 200)}`);
  }
  return { sent: frames.length, problems };
}
