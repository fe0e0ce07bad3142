/**
 * GraphQL execution the way AppSync does it: parse and validate (documents.ts, cached per query
 * string), coerce variables, then run each field through its resolver with auth directives, the depth
 * and resolver-count limits, taking turns with other requests (pace.ts); errors in AppSync's entries
 * (errors.ts); mutations publish to the hub afterwards (publish.ts). `prepareSubscription` does the
 * same checks for a subscription `start` and runs the subscription field's resolver once.
 */
import {
  Kind,
  defaultFieldResolver,
  execute,
  getNamedType,
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type {
  AppSyncErrorEntry,
  AuthMode,
  AuthResult,
  InvalidationRequest,
  PreparedSubscription,
  RaisedError,
  SubscriptionHub,
} from '../types.ts';
import { createFieldAuthorizer, type FieldAuthorizer } from './authz.ts';
import { createDocumentCache } from './documents.ts';
import {
  FieldFailure,
  fieldError,
  formatError,
  requestError,
  toLocations,
  unauthorizedField,
  variableError,
  type GraphQLResponseBody,
  type ResponseError,
} from './errors.ts';
import { variablesNestingProblem } from './nesting.ts';
import { newPace, nextRun, type Pace } from './pace.ts';
import { publishMutation } from './publish.ts';
import type { CompiledResolver, ResolverRunner } from './resolve.ts';
import { projectToSelection, selectionSetGraphQL, selectionSetList, topLevelFields } from './selection.ts';

/** `ctx.request.headers`: what the client sent, minus the cookie header (AppSync hides it). */
function resolverHeaders(headers: Record<string, string | string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (name !== 'cookie') out[name] = value;
  return out;
}

export interface ExecutorLimits {
  /** 0 = no limit; otherwise 1–75 (AppSync's range). */
  queryDepthLimit: number;
  /** 1–10,000 (AppSync's default is 10,000). */
  resolverCountLimit: number;
  introspection: boolean;
  /** AppSync's hard limit is 30 s. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: ExecutorLimits = {
  queryDepthLimit: 0,
  resolverCountLimit: 10_000,
  introspection: true,
  timeoutMs: 30_000,
};

export interface ExecutorConfig {
  schema: GraphQLSchema;
  resolvers: Map<string, CompiledResolver>;
  /** Runs a resolver (app.ts: in a worker, js/worker-pool.ts). */
  runResolver: ResolverRunner;
  defaultAuthMode: AuthMode;
  /** The schema's field-level auth: app.ts passes the one it built; built from defaultAuthMode when absent. */
  authorizer?: FieldAuthorizer;
  limits: ExecutorLimits;
  env: Record<string, string>;
  hub?: SubscriptionHub | null;
}

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  auth: AuthResult;
  /** Request headers for `ctx.request.headers` (lower-case names, repeats as arrays, no cookie). */
  headers: Record<string, string | string[]>;
  domainName?: string | null;
}

/** Thrown by prepareSubscription: the errors to send in the `error` frame. */
export class SubscriptionRejected extends Error {
  constructor(readonly errors: ResponseError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'SubscriptionRejected';
  }
}

/** What one request accumulates while its fields run. */
interface RequestState {
  auth: AuthResult;
  headers: Record<string, string | string[]>;
  domainName: string | null;
  variables: Record<string, unknown>;
  fragments: Record<string, FragmentDefinitionNode>;
  appended: AppSyncErrorEntry[];
  invalidations: InvalidationRequest[];
  resolverCount: number;
  pace: Pace;
  selections: WeakMap<readonly FieldNode[], { list: string[]; graphql: string }>;
  /** Set by the subscription's own resolver run (prepareSubscription). */
  subscription?: { filter: PreparedSubscription['filter']; invalidationFilter: PreparedSubscription['invalidationFilter'] };
}

export function createExecutor(config: ExecutorConfig) {
  const { schema, resolvers, runResolver, limits, env } = config;
  const authorizer = config.authorizer ?? createFieldAuthorizer(schema, config.defaultAuthMode);

  /** Wraps every field: auth, depth, resolver count, then the resolver (or the source's property). */
  const fieldResolver: GraphQLFieldResolver<unknown, RequestState> = (source, args, state, info) => {
    const typeName = info.parentType.name;
    const fieldName = info.fieldName;
    if (!authorizer.allows(typeName, fieldName, state.auth)) throw unauthorizedField(fieldName, typeName);
    if (limits.queryDepthLimit > 0) {
      let depth = 0;
      for (let p: typeof info.path | undefined = info.path; p; p = p.prev) if (typeof p.key === 'string') depth += 1;
      // ⚠ AppSync documents the error type, not its message; this wording is ours.
      if (depth > limits.queryDepthLimit) {
        throw new FieldFailure(`Query depth limit of ${limits.queryDepthLimit} reached`, 'QueryDepthLimitReached');
      }
    }
    const resolver = resolvers.get(`${typeName}.${fieldName}`);
    if (!resolver) return defaultFieldResolver(source, args, state, info);
    state.resolverCount += 1;
    if (state.resolverCount > limits.resolverCountLimit) {
      // ⚠ As above: the type is AppSync's, the message ours.
      throw new FieldFailure(`Resolver execution limit of ${limits.resolverCountLimit} reached`, 'ResolverExecutionLimitReached');
    }
    const returnType = getNamedType(info.returnType);
    const info4ctx = {
      fieldName,
      parentTypeName: typeName,
      variables: state.variables,
      selectionSetList: [] as string[],
      selectionSetGraphQL: '',
    };
    // Non-enumerable, so JSON.stringify(ctx.info) omits them as on AppSync (computed lazily).
    // Computed once per field of the document (list items share their field nodes).
    let selections = state.selections.get(info.fieldNodes);
    if (!selections) {
      selections = {
        list: selectionSetList(schema, returnType, info.fieldNodes, state.fragments),
        graphql: selectionSetGraphQL(info.fieldNodes, state.fragments),
      };
      state.selections.set(info.fieldNodes, selections);
    }
    Object.defineProperty(info4ctx, 'selectionSetList', { enumerable: false, value: selections.list });
    Object.defineProperty(info4ctx, 'selectionSetGraphQL', { enumerable: false, value: selections.graphql });
    const path = info.path;
    const run = () =>
      runResolver(
        resolver,
        {
          arguments: args,
          source: source ?? null,
          identity: state.auth.identity,
          authMode: state.auth.mode,
          info: info4ctx,
          request: { headers: state.headers, domainName: state.domainName },
          env,
        },
        onAppend,
      );
    const onAppend = (errors: RaisedError[]) => {
      for (const e of errors) {
        state.appended.push(
          fieldError({
            path: pathArray(path),
            data: e.data === undefined || e.data === null ? null : projectToSelection(e.data, info.fieldNodes, state.fragments),
            errorType: e.type,
            errorInfo: e.errorInfo ?? null,
            locations: nodeLocations(info.fieldNodes),
            message: e.message,
          }),
        );
      }
    };
    const turn = nextRun(state.pace);
    return (turn ? turn.then(run) : run()).then((out) => {
      state.invalidations.push(...out.invalidations);
      if (info.operation.operation === 'subscription') {
        state.subscription = { filter: out.subscriptionFilter, invalidationFilter: out.invalidationFilter };
      }
      return out.value;
    }).catch((err: unknown) => {
      if (err instanceof FieldFailure && err.data !== null) {
        throw new FieldFailure(err.message, err.errorType, projectToSelection(err.data, info.fieldNodes, state.fragments), err.errorInfo);
      }
      throw err;
    });
  };

  const parseAndValidate = createDocumentCache(schema, limits.introspection);

  function prepare(
    query: unknown,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
    expect: 'request' | 'subscription',
  ) {
    const parsed = parseAndValidate(String(query));
    if ('errors' in parsed) return { errors: [...parsed.errors] };
    const document = parsed.document;
    const operation = getOperationAST(document, operationName ?? undefined);
    if (!operation) {
      const message = operationName
        ? `Unknown operation named '${operationName}'.`
        : 'Must provide operation name if query contains multiple operations.';
      return { errors: [requestError(message, undefined)] as ResponseError[] };
    }
    if ((operation.operation === 'subscription') !== (expect === 'subscription')) {
      // ⚠ AppSync's wording for these is not documented.
      const message =
        expect === 'subscription'
          ? 'Only subscription operations can be started on the real-time endpoint.'
          : 'Subscriptions are served by the real-time endpoint (/graphql/realtime), not over HTTP POST.';
      return { errors: [requestError(message, operation.loc ? [{ line: lineOf(operation), column: columnOf(operation) }] : undefined)] };
    }
    const tooDeep = variablesNestingProblem(variables, operation);
    if (tooDeep) return { errors: [tooDeep] as ResponseError[] };
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    return { document, operation, fragments };
  }

  function newState(req: OperationRequest, fragments: Record<string, FragmentDefinitionNode>): RequestState {
    return {
      auth: req.auth,
      headers: resolverHeaders(req.headers),
      domainName: req.domainName ?? null,
      variables: req.variables ?? {},
      fragments,
      appended: [],
      invalidations: [],
      resolverCount: 0,
      pace: newPace(),
      selections: new WeakMap(),
    };
  }

  async function runOperation(document: DocumentNode, req: OperationRequest, state: RequestState): Promise<ExecutionResult> {
    return execute({
      schema,
      document,
      variableValues: req.variables ?? {},
      operationName: req.operationName ?? undefined,
      contextValue: state,
      fieldResolver,
      rootValue: null,
    });
  }

  function body(result: ExecutionResult, state: RequestState): GraphQLResponseBody {
    if (!('data' in result) || result.data === undefined) {
      // Variable coercion failed: nothing ran.
      return { data: null, errors: (result.errors ?? []).map(variableError) };
    }
    const errors = [...(result.errors ?? []).map((e) => formatError(e, schema)), ...state.appended];
    return errors.length > 0 ? { data: result.data, errors } : { data: result.data };
  }

  async function executeOperation(req: OperationRequest): Promise<GraphQLResponseBody> {
    const prepared = prepare(req.query, req.operationName, req.variables, 'request');
    if ('errors' in prepared) return { data: null, errors: prepared.errors };
    const state = newState(req, prepared.fragments);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), limits.timeoutMs);
    });
    try {
      const result = await Promise.race([runOperation(prepared.document, req, state), timeout]);
      if (result === 'timeout') {
        // ⚠ AppSync's exact timeout entry is not documented; the type and text are ours.
        return { data: null, errors: [fieldError({ errorType: 'ExecutionTimeout', message: 'Execution timed out.' })] };
      }
      publishMutation(config.hub, schema, prepared.operation, result, state);
      return body(result, state);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Validates and authorizes a subscription, runs its resolver once, and describes what to deliver. */
  async function prepareSubscription(req: {
    query: string;
    variables?: Record<string, unknown> | null;
    operationName?: string | null;
    auth: AuthResult;
    headers: Record<string, string | string[]>;
  }): Promise<PreparedSubscription> {
    const prepared = prepare(req.query, req.operationName, req.variables, 'subscription');
    if ('errors' in prepared) throw new SubscriptionRejected(prepared.errors ?? []);
    const op: OperationRequest = { ...req, domainName: null };
    const state = newState(op, prepared.fragments);
    const result = await runOperation(prepared.document, op, state);
    const response = body(result, state);
    if (response.errors && response.errors.length > 0) throw new SubscriptionRejected(response.errors);
    const [node] = topLevelFields(prepared.operation, prepared.fragments);
    const subscriptionType = schema.getSubscriptionType();
    const def = node && subscriptionType?.getFields()[node.name.value];
    if (!node || !def) throw new SubscriptionRejected([requestError('Subscription field not found.', undefined)]);
    const subscribe = def.astNode?.directives?.find((d) => d.name.value === 'aws_subscribe');
    const mutationsArg = subscribe?.arguments?.find((a) => a.name.value === 'mutations')?.value;
    const mutations = mutationsArg?.kind === Kind.LIST ? mutationsArg.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : [];
    return {
      subscriptionField: node.name.value,
      mutations,
      arguments: argumentValues(node, req.variables ?? {}),
      filter: state.subscription?.filter ?? null,
      invalidationFilter: state.subscription?.invalidationFilter ?? null,
      document: prepared.document,
      variables: req.variables ?? {},
      auth: req.auth,
    };
  }

  return { execute: executeOperation, prepareSubscription };
}

export type Executor = ReturnType<typeof createExecutor>;

// ---- helpers ------------------------------------------------------------------------------------------

function pathArray(path: { prev: unknown; key: string | number } | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let p = path as { prev: unknown; key: string | number } | undefined; p; p = p.prev as typeof p) out.unshift(p.key);
  return out;
}

function lineOf(node: { loc?: { startToken: { line: number } } }): number {
  return node.loc?.startToken.line ?? 0;
}
function columnOf(node: { loc?: { startToken: { column: number } } }): number {
  return node.loc?.startToken.column ?? 0;
}
function nodeLocations(nodes: readonly FieldNode[]) {
  return toLocations(nodes.filter((n) => n.loc).map((n) => ({ line: lineOf(n), column: columnOf(n) })));
}

/** A subscription field's arguments with variables substituted (literal values as written). */
function argumentValues(node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const value = (v: import('graphql').ValueNode): unknown => {
    switch (v.kind) {
      case Kind.VARIABLE:
        return variables[v.name.value] ?? null;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(v.value);
      case Kind.STRING:
      case Kind.ENUM:
        return v.value;
      case Kind.BOOLEAN:
        return v.value;
      case Kind.NULL:
        return null;
      case Kind.LIST:
        return v.values.map(value);
      case Kind.OBJECT:
        return Object.fromEntries(v.fields.map((f) => [f.name.value, value(f.value)]));
    }
  };
  for (const arg of node.arguments ?? []) {
    // A variable that was not supplied leaves the argument out (it does not filter).
    if (arg.value.kind === Kind.VARIABLE && !(arg.value.name.value in variables)) continue;
    out[arg.name.value] = value(arg.value);
  }
  return out;
}
