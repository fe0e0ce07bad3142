/**
 * Where one `task(id)` request spends its time, phase by phase, for bench/runtime.ts.
 *
 * The phases are measured on the runtime's own parts, sequentially (one request in flight), averaged
 * over many requests after a warm-up:
 *   - auth:            the runtime's authenticator on the request's headers (Cognito JWT → identity);
 *   - parse, validate: graphql-js `parse` and the executor's AppSync validation of the query string;
 *   - each handler:    the real executor (`createExecutor`) running the real Query.task pipeline with
 *                      the real bundles, its engine and data source wrapped with timers;
 *   - data source:     the DynamoDB data source's GetItem (SDK + loopback + DynamoDB Local);
 *   - executor total:  `execute` end to end (parse, validate, graphql-js, handlers, data source);
 *   - HTTPS total:     the whole request through the TLS listener (what a client sees).
 * "Other" in each group is the difference between a total and its measured parts.
 */
import { parse, type GraphQLSchema } from 'graphql';
import { compileResolverCode, runHandler, type CompiledCode } from '../../packages/appsync-local/src/appsync/js/index.ts';
import { createExecutor, DEFAULT_LIMITS } from '../../packages/appsync-local/src/appsync/graphql/executor.ts';
import { runResolver, type CompiledResolver, type CompiledStep, type Engine } from '../../packages/appsync-local/src/appsync/graphql/resolve.ts';
import { validateDocument } from '../../packages/appsync-local/src/appsync/graphql/validation.ts';
import type { Authenticator } from '../../packages/appsync-local/src/appsync/graphql/http.ts';
import type { DataSource } from '../../packages/appsync-local/src/appsync/types.ts';
import { bundleResolvers } from '../../scripts/lib/bundle-resolvers.ts';
import * as manifest from '../../resolvers/manifest.ts';

export interface ProfileInput {
  schema: GraphQLSchema;
  authenticator: Authenticator;
  /** The `table` data source, built as the runtime builds it. */
  table: DataSource;
  query: string;
  variables: Record<string, unknown>;
  authorization: string;
  /** One full HTTPS request through the running server. */
  https(): Promise<void>;
  iterations: number;
}

export interface Profile {
  phases: Phase[];
  /** The data-source requests one run of the pipeline made, in order (DynamoDB GetItem requests). */
  requests: unknown[];
}

export interface Phase {
  label: string;
  /** Mean ms per request. */
  mean: number;
  indent: number;
}

const FIELD = 'Query.task';

class Timers {
  readonly totals = new Map<string, number>();
  readonly order: string[] = [];
  add(label: string, ms: number) {
    if (!this.totals.has(label)) this.order.push(label);
    this.totals.set(label, (this.totals.get(label) ?? 0) + ms);
  }
}

export async function profileTaskRequest(input: ProfileInput): Promise<Profile> {
  const def = (manifest.resolvers as Record<string, { kind: string; functions?: readonly string[]; dataSource?: string }>)[FIELD];
  if (!def || def.kind !== 'PIPELINE' || !def.functions) throw new Error(`${FIELD} is expected to be a pipeline resolver`);
  const bundles = bundleResolvers();
  const names = new Map<CompiledCode, string>();
  const compile = (kind: 'resolver' | 'function', name: string): CompiledCode => {
    const bundle = (kind === 'resolver' ? bundles.resolvers : bundles.functions).get(name);
    if (!bundle) throw new Error(`no bundle for ${kind} ${name}`);
    const code = compileResolverCode(bundle.code, { fileName: bundle.sourceFile });
    names.set(code, kind === 'resolver' ? FIELD : name);
    return code;
  };

  let timers = new Timers();
  let recording: unknown[] | null = null;
  const timedSource = (label: string): DataSource => ({
    ...input.table,
    async invoke(call) {
      recording?.push(call.request);
      const t0 = performance.now();
      try {
        return await input.table.invoke(call);
      } finally {
        timers.add(`data source ${label} (DynamoDB ${String((call.request as { operation?: unknown })?.operation)})`, performance.now() - t0);
      }
    },
  });
  const functions: CompiledStep[] = def.functions.map((name) => ({ name, code: compile('function', name), dataSource: timedSource(name) }));
  const resolver: CompiledResolver = { kind: 'PIPELINE', id: FIELD, code: compile('resolver', FIELD), functions };
  const engine: Engine = {
    runHandler(code, name, ctx) {
      const t0 = performance.now();
      const out = runHandler(code as CompiledCode, name, ctx);
      timers.add(`handler ${names.get(code as CompiledCode) ?? '?'}.${name}${out.earlyReturn ? ' (earlyReturn)' : ''}`, performance.now() - t0);
      return out;
    },
  };
  const executor = createExecutor({
    schema: input.schema,
    resolvers: new Map([[FIELD, resolver]]),
    runResolver: (r, base, onAppend) => runResolver(engine, r, base, onAppend),
    defaultAuthMode: 'AMAZON_COGNITO_USER_POOLS',
    limits: DEFAULT_LIMITS,
    env: {},
  });
  const headers = { 'content-type': 'application/json', authorization: input.authorization };
  const authRequest = { method: 'POST', path: '/graphql', headers, body: '', sourceIp: '127.0.0.1' };

  const one = async () => {
    let t0 = performance.now();
    await input.https();
    timers.add('HTTPS request total', performance.now() - t0);

    t0 = performance.now();
    const auth = await input.authenticator.authenticate(authRequest, { queryString: input.query, variables: input.variables });
    timers.add('auth (Cognito access token → identity)', performance.now() - t0);

    t0 = performance.now();
    const doc = parse(input.query, { maxTokens: 50_000 });
    timers.add('parse', performance.now() - t0);
    t0 = performance.now();
    const invalid = validateDocument(input.schema, doc, true);
    timers.add('validate', performance.now() - t0);
    if (invalid.length) throw new Error(`profile: the query does not validate: ${JSON.stringify(invalid)}`);

    t0 = performance.now();
    const body = await executor.execute({ query: input.query, variables: input.variables, operationName: null, auth, headers, domainName: null });
    timers.add('executor total', performance.now() - t0);
    if (body.errors || !(body.data as { task?: unknown } | null)?.task) throw new Error(`profile: unexpected answer ${JSON.stringify(body)}`);
  };

  recording = [];
  await one();
  const requests = recording;
  recording = null;
  for (let i = 0; i < Math.min(200, input.iterations); i++) await one();
  timers = new Timers();
  for (let i = 0; i < input.iterations; i++) await one();

  const mean = (label: string) => (timers.totals.get(label) ?? 0) / input.iterations;
  const handlerLabels = timers.order.filter((l) => l.startsWith('handler ') || l.startsWith('data source '));
  // The executor keeps parse + validate per query string, so its total no longer includes them.
  const inExecutor = handlerLabels.reduce((s, l) => s + mean(l), 0);
  const handlersOnly = handlerLabels.filter((l) => l.startsWith('handler ')).reduce((s, l) => s + mean(l), 0);
  const executorTotal = mean('executor total');
  const httpsTotal = mean('HTTPS request total');
  const authMean = mean('auth (Cognito access token → identity)');
  const phases: Phase[] = [
    { label: 'HTTPS request total (sequential, one in flight)', mean: httpsTotal, indent: 0 },
    { label: 'auth (Cognito access token → identity)', mean: authMean, indent: 1 },
    { label: 'parse (graphql-js; the executor keeps the outcome per query string)', mean: mean('parse'), indent: 1 },
    { label: 'validate (AppSync rules; kept per query string too)', mean: mean('validate'), indent: 1 },
    { label: 'executor total (parse + validate from its cache)', mean: executorTotal, indent: 1 },
    ...handlerLabels.map((label) => ({ label, mean: mean(label), indent: 2 })),
    { label: 'other in the executor (cache lookup, graphql-js execute, ctx building)', mean: executorTotal - inExecutor, indent: 2 },
    { label: 'other (TLS, HTTP, JSON body, server glue)', mean: httpsTotal - executorTotal - authMean, indent: 1 },
    { label: `all APPSYNC_JS handlers together`, mean: handlersOnly, indent: 0 },
  ];
  return { phases, requests };
}
