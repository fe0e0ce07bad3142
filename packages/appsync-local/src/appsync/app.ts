/**
 * The local AppSync as a factory: tests call it in-process; server.ts only binds a port and moves
 * bytes to it.
 *
 *   const hub = createHub();                                   // realtime/: where mutations publish
 *   const app = createLocalAppSync({ authenticator, hub, dataSources, manifest, bundles, schemaSource });
 *   await app.graphql({ method: 'POST', path: '/graphql', headers, body, remoteAddress });
 *
 * It builds the schema (AppSync's prelude + the project's schema) and its field authorizer, compiles
 * every bundle of the caller's manifest once with the APPSYNC_JS engine, and wires each resolver to
 * its data source. The real-time server is given the same hub, schema and authorizer.
 */
import { buildSchema, type GraphQLSchema } from 'graphql';
import { compileResolverCode } from './js/index.ts';
import { WorkerPool, type WorkerPoolOptions } from './js/worker-pool.ts';
import { createIamVerifier, type IamAuthConfig } from './auth/iam.ts';
import { installAwsScalars } from './graphql/scalars.ts';
import { createExecutor, DEFAULT_LIMITS, type Executor, type ExecutorLimits } from './graphql/executor.ts';
import { handleGraphQLRequest, type HttpRequest, type HttpResponse } from './graphql/http.ts';
import { createFieldAuthorizer, type FieldAuthorizer } from './graphql/authz.ts';
import { handleEvaluateCodeRequest, type EvaluateCodeInput, type EvaluateCodeOutput } from './graphql/evaluate-code.ts';
import type { CompiledResolver, CompiledStep } from './graphql/resolve.ts';
import type { AuthMode, AuthResult, Authenticator, DataSource, PreparedSubscription, SubscriptionHub } from './types.ts';
import { MAX_PIPELINE_FUNCTIONS, type BundleSet } from './bundles.ts';
import { createDataSources, type DataSourceDependencies, type DataSourceDescription } from './datasources/index.ts';

/** Which resolver and pipeline function runs on which data source (the project's manifest). */
export interface ResolverManifest {
  dataSources?: Record<string, { type: string; function?: string }>;
  functions: Record<string, { file: string; dataSource: string }>;
  resolvers: Record<string, { kind: 'UNIT'; file: string; dataSource: string } | { kind: 'PIPELINE'; file: string; functions: readonly string[] }>;
}

export interface LocalAppSyncConfig {
  /** Turns an HTTP request's credentials into an AuthResult (auth/). */
  authenticator: Authenticator;
  /**
   * Data sources by the names the manifest uses: either ready-made, or built from the manifest's
   * `dataSources` with these dependencies (datasources/ `createDataSources`).
   */
  dataSources: Record<string, DataSource> | { dependencies: DataSourceDependencies };
  /** The project's resolver manifest (which resolver/function runs on which data source). */
  manifest: ResolverManifest;
  /** The project's compiled APPSYNC_JS bundles (one per resolver and pipeline function). */
  bundles: BundleSet;
  /** The full schema source (AppSync's prelude of directives and scalars followed by the project's schema). */
  schemaSource: string;
  /** The API's default auth mode (default: Cognito user pools). */
  defaultAuthMode?: AuthMode;
  limits?: Partial<ExecutorLimits>;
  /** `ctx.env`. */
  env?: Record<string, string>;
  /** Where mutations publish: the hub the real-time server delivers from (realtime/ `createHub`). */
  hub?: SubscriptionHub | null;
  /**
   * The credentials EvaluateCode accepts SigV4 signatures from (as on AWS, it needs IAM). Without
   * them, EvaluateCode over HTTP refuses every request.
   */
  evaluateCodeAuth?: IamAuthConfig;
  /** The engine's worker threads (js/worker-pool.ts); the time limit is `limits.timeoutMs`. */
  workers?: Omit<WorkerPoolOptions, 'timeoutMs'>;
}

export interface LocalAppSync {
  readonly schema: GraphQLSchema;
  /** POST /graphql. */
  graphql(req: HttpRequest): Promise<HttpResponse>;
  /**
   * POST /graphql for the runtime's own in-process callers (the demo seed): authenticated and validated
   * like any request, but the operator's depth and resolver-count limits, which are for clients, do not
   * apply (a limit of 1 would otherwise stop the runtime from starting).
   */
  graphqlWithoutLimits(req: HttpRequest): Promise<HttpResponse>;
  /** POST /v1/dataplane-evaluatecode. */
  evaluateCodeHttp(req: HttpRequest): Promise<HttpResponse>;
  /** Resolves once the engine's workers are all running (js/worker-pool.ts). */
  ready(): Promise<void>;
  /** AppSync's EvaluateCode, without HTTP (no credentials checked). */
  evaluateCode(input: EvaluateCodeInput): Promise<EvaluateCodeOutput>;
  /** Runs one operation with an already-established identity (in-process callers, tests). */
  execute: Executor['execute'];
  /** A subscription `start` (realtime/ calls it with the start's own auth). Throws SubscriptionRejected. */
  prepareSubscription(req: {
    query: string;
    variables?: Record<string, unknown> | null;
    operationName?: string | null;
    auth: AuthResult;
    headers: Record<string, string | string[]>;
  }): Promise<PreparedSubscription>;
  /** The authenticator the app was built with (realtime/ authenticates connects and starts with it). */
  readonly authenticator: Authenticator;
  /** The schema's field-level auth (built once; realtime/ shapes payloads with it). */
  readonly authorizer: FieldAuthorizer;
  /**
   * Waits (at most `timeoutMs`, default AppSync's 30 s) for background work the data sources started —
   * Lambda `Event` invocations such as a sprint's carry-over — so a stopping runtime does not cut it off.
   */
  drain(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function compileAll(set: BundleSet, wiring: ResolverManifest, dataSources: Record<string, DataSource>): Map<string, CompiledResolver> {
  const dataSource = (name: string, owner: string): DataSource => {
    const ds = dataSources[name];
    if (!ds) throw new Error(`${owner} uses data source ${name}, which was not provided`);
    return ds;
  };
  const steps = new Map<string, CompiledStep>();
  for (const [name, def] of Object.entries(wiring.functions)) {
    const bundle = set.functions.get(name);
    if (!bundle) throw new Error(`pipeline function ${name} has no bundle`);
    steps.set(name, { name, code: compileResolverCode(bundle.code, { fileName: bundle.sourceFile }), dataSource: dataSource(def.dataSource, `function ${name}`) });
  }
  const compiled = new Map<string, CompiledResolver>();
  for (const [field, def] of Object.entries(wiring.resolvers)) {
    const bundle = set.resolvers.get(field);
    if (!bundle) throw new Error(`resolver ${field} has no bundle`);
    const code = compileResolverCode(bundle.code, { fileName: bundle.sourceFile });
    if (def.kind === 'UNIT') {
      compiled.set(field, { kind: 'UNIT', id: field, code, dataSource: dataSource(def.dataSource, `resolver ${field}`) });
    } else {
      if (def.functions.length > MAX_PIPELINE_FUNCTIONS) throw new Error(`pipeline ${field} has more than ${MAX_PIPELINE_FUNCTIONS} functions`);
      const functions = def.functions.map((name) => {
        const step = steps.get(name);
        if (!step) throw new Error(`pipeline ${field} references unknown function ${name}`);
        return step;
      });
      compiled.set(field, { kind: 'PIPELINE', id: field, code, functions });
    }
  }
  return compiled;
}

function resolveDataSources(given: LocalAppSyncConfig['dataSources'], wiring: ResolverManifest): Record<string, DataSource> {
  const deps = (given as { dependencies?: unknown }).dependencies;
  if (typeof deps !== 'object' || deps === null || 'invoke' in deps) return given as Record<string, DataSource>;
  const descriptions: Record<string, DataSourceDescription> = {};
  for (const [name, def] of Object.entries(wiring.dataSources ?? {})) {
    descriptions[name] = (
      def.type === 'AWS_LAMBDA' ? { type: 'AWS_LAMBDA', functionName: def.function } : { type: def.type }
    ) as DataSourceDescription;
  }
  return createDataSources(descriptions, deps as DataSourceDependencies);
}

function checkLimits(limits: ExecutorLimits): ExecutorLimits {
  const { queryDepthLimit: depth, resolverCountLimit: count, timeoutMs } = limits;
  if (!Number.isInteger(depth) || depth < 0 || depth > 75) throw new Error(`queryDepthLimit must be 0 (none) or 1–75, not ${depth}`);
  if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new Error(`resolverCountLimit must be 1–10000, not ${count}`);
  if (!(timeoutMs > 0 && timeoutMs <= 30_000)) throw new Error(`timeoutMs must be within AppSync's 30 s, not ${timeoutMs}`);
  return limits;
}

export function createLocalAppSync(config: LocalAppSyncConfig): LocalAppSync {
  const schema = buildSchema(config.schemaSource);
  installAwsScalars(schema);
  const wiring = config.manifest;
  const bundles = config.bundles;
  const dataSources = resolveDataSources(config.dataSources, wiring);
  const resolvers = compileAll(bundles, wiring, dataSources);
  const hub = config.hub ?? null;
  const defaultAuthMode = config.defaultAuthMode ?? 'AMAZON_COGNITO_USER_POOLS';
  const authorizer = createFieldAuthorizer(schema, defaultAuthMode);
  const limits = checkLimits({ ...DEFAULT_LIMITS, ...config.limits });
  // Resolver code never runs in this thread: a handler is bounded in time and memory (js/worker-pool.ts).
  const pool = new WorkerPool({ ...config.workers, timeoutMs: limits.timeoutMs });
  pool.fill();
  const executorWith = (l: ExecutorLimits) =>
    createExecutor({
      schema,
      resolvers,
      runResolver: (resolver, base, onAppend) => pool.runResolver(resolver, base, onAppend),
      defaultAuthMode,
      authorizer,
      limits: l,
      env: config.env ?? {},
      hub,
    });
  const executor = executorWith(limits);
  const unlimited = executorWith({ ...limits, queryDepthLimit: 0, resolverCountLimit: DEFAULT_LIMITS.resolverCountLimit });
  // The engine owns EvaluateCode's semantics; this module only serves it.
  const evaluateCode = (input: EvaluateCodeInput) => pool.evaluateCode(input as never) as Promise<EvaluateCodeOutput>;
  const evaluateCodeVerifier = config.evaluateCodeAuth ? createIamVerifier(config.evaluateCodeAuth) : null;
  return {
    schema,
    authenticator: config.authenticator,
    authorizer,
    graphql: (req) => handleGraphQLRequest(req, config.authenticator, executor),
    graphqlWithoutLimits: (req) => handleGraphQLRequest(req, config.authenticator, unlimited),
    evaluateCodeHttp: (req) => handleEvaluateCodeRequest(req, evaluateCode, evaluateCodeVerifier),
    evaluateCode,
    ready: () => pool.ready(),
    execute: executor.execute,
    prepareSubscription: (req) => executor.prepareSubscription(req),
    async drain(timeoutMs = 30_000) {
      let timer: NodeJS.Timeout | undefined;
      const waited = Promise.all(Object.values(dataSources).map((ds) => ds.drain?.()));
      const limit = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([waited, limit]).finally(() => clearTimeout(timer));
    },
    async close() {
      await pool.close();
    },
  };
}
