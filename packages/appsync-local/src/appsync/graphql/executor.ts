/**
 * GraphQL execution the way AppSync does it: parse, validate (AppSync's wording), coerce variables,
 * then run each field through its resolver with auth directives, the depth and resolver-count limits
 * and AppSync's error entries; mutations publish to subscribers afterwards. `prepareSubscription`
 * does the same checks for a subscription `start` and runs the subscription field's resolver once.
 */
import {
  GraphQLError,
  Kind,
  defaultFieldResolver,
  execute,
  getNamedType,
  getOperationAST,
  parse,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
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
import { createFieldAuthorizer } from './authz.ts';
import {
  FieldFailure,
  fieldError,
  javaPath,
  requestError,
  syntaxError,
  toLocations,
  unauthorizedField,
  variableError,
  type GraphQLResponseBody,
  type ResponseError,
} from './errors.ts';
import { runResolver, type CompiledResolver, type Engine } from './resolve.ts';
import { AwsScalarError } from './scalars.ts';
import { projectToSelection, selectionSetGraphQL, selectionSetList, unaliased } from './selection.ts';
import { validateDocument } from './validation.ts';
import { documentNestingProblem, sourceNestingProblem, variablesNestingProblem } from './nesting.ts';

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

/** Parsed and validated documents kept, by query string (least recently used evicted first). */
const MAX_CACHED_DOCUMENTS = 500;
/** Longer query strings are parsed every time (they would crowd the cache out). */
const MAX_CACHED_QUERY_CHARS = 64 * 1024;
/** graphql-js stops parsing past this many tokens. */
const MAX_TOKENS = 50_000;

/** What a caller sees of an internal failure (the details go to the log). */
export const INTERNAL_FAILURE_MESSAGE = 'An internal failure occurred while processing the request.';

/** AppSync caps `extensions.invalidateSubscriptions` at five per request (APPSYNC.md §7). */
export const MAX_INVALIDATIONS_PER_REQUEST = 5;

export interface ExecutorConfig {
  schema: GraphQLSchema;
  resolvers: Map<string, CompiledResolver>;
  engine: Engine;
  defaultAuthMode: AuthMode;
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

/**
 * Resolver runs one request may do back to back before it lets the event loop turn: graphql-js starts
 * every field of a selection set in one synchronous loop, so without a pause a query of thousands of
 * aliases would hold the single process until all its handlers had run (docs/local-runtime-limits.md).
 */
const RUNS_PER_TURN = 16;

/** A request's share of the event loop: at most RUNS_PER_TURN resolver runs per turn, the rest queued. */
interface Pace {
  runs: number;
  waiting: (() => void)[];
  turnScheduled: boolean;
}

function scheduleTurn(pace: Pace): void {
  if (pace.turnScheduled) return;
  pace.turnScheduled = true;
  // setImmediate runs after pending I/O: other requests are read and run their own resolvers first.
  setImmediate(() => {
    pace.turnScheduled = false;
    const batch = pace.waiting.splice(0, RUNS_PER_TURN);
    pace.runs = batch.length;
    for (const go of batch) go();
    if (pace.runs > 0) scheduleTurn(pace);
  });
}

/** Resolves when the request may run its next resolver (undefined: right away). */
function nextRun(pace: Pace): Promise<void> | undefined {
  scheduleTurn(pace);
  if (pace.waiting.length === 0 && pace.runs < RUNS_PER_TURN) {
    pace.runs += 1;
    return undefined;
  }
  return new Promise<void>((resolve) => pace.waiting.push(resolve));
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
  const { schema, resolvers, engine, limits, env } = config;
  const authorizer = createFieldAuthorizer(schema, config.defaultAuthMode);

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
        engine,
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

  function formatError(error: GraphQLError): ResponseError {
    const original = error.originalError;
    const path = error.path ? [...error.path] : null;
    const locations = toLocations(error.locations);
    if (original instanceof FieldFailure) {
      return fieldError({ path, locations, message: original.message, errorType: original.errorType, data: original.data, errorInfo: original.errorInfo });
    }
    if (original instanceof AwsScalarError && path) {
      return fieldError({ path, locations: null, message: `Can't serialize value (${javaPath(path)}) : ${original.message}` });
    }
    const nonNull = /^Cannot return null for non-nullable field ([^.]+)\.([^.]+)\.$/.exec(error.message);
    if (nonNull && path) {
      const [, parent, field] = nonNull;
      const parentType = schema.getType(parent!);
      const fieldType = parentType && 'getFields' in parentType ? parentType.getFields()[field!]?.type : undefined;
      const typeName = fieldType ? getNamedType(fieldType).name : field;
      return fieldError({
        path,
        locations,
        message: `Cannot return null for non-nullable type: '${typeName}' within parent '${parent}' (${javaPath(path)})`,
      });
    }
    if (original && !(original instanceof GraphQLError)) {
      // Not a GraphQL outcome but a failure of the runtime itself (a TypeError, a crash in a data
      // source): logged in full, answered without internals, as AppSync answers its internal errors.
      console.error(`[appsync] internal failure${path ? ` at ${path.join('.')}` : ''}:`, original);
      return path
        ? fieldError({ path, locations, message: INTERNAL_FAILURE_MESSAGE, errorType: 'InternalFailure' })
        : requestError(INTERNAL_FAILURE_MESSAGE, error.locations);
    }
    if (!path) return requestError(error.message, error.locations);
    return fieldError({ path, locations, message: error.message });
  }

  /**
   * Parse + validate depend only on the query string (the schema and limits are fixed), so their
   * outcome, document or AppSync's error entries, is kept per query string: clients send the same few
   * queries over and over. Documents are never mutated (graphql-js treats them as immutable).
   */
  const documents = new Map<string, { document: DocumentNode } | { errors: readonly ResponseError[] }>();
  function parseAndValidate(source: string): { document: DocumentNode } | { errors: readonly ResponseError[] } {
    const cached = documents.get(source);
    if (cached) {
      // Most recently used last, so the oldest entry is the one evicted.
      documents.delete(source);
      documents.set(source, cached);
      return cached;
    }
    let outcome: { document: DocumentNode } | { errors: readonly ResponseError[] };
    try {
      // Too deep for graphql-js's recursive parser and rules: refused before they run.
      const tooDeep = sourceNestingProblem(source, MAX_TOKENS);
      const document = tooDeep ? null : parse(source, { maxTokens: MAX_TOKENS });
      const problem = tooDeep ?? (document && documentNestingProblem(document));
      const invalid = problem ? [problem] : validateDocument(schema, document!, limits.introspection);
      outcome = invalid.length > 0 ? { errors: invalid as ResponseError[] } : { document: document! };
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      outcome = { errors: [syntaxError(err)] as ResponseError[] };
    }
    if (source.length <= MAX_CACHED_QUERY_CHARS) {
      if (documents.size >= MAX_CACHED_DOCUMENTS) documents.delete(documents.keys().next().value!);
      documents.set(source, outcome);
    }
    return outcome;
  }

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
      pace: { runs: 0, waiting: [], turnScheduled: false },
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
    const errors = [...(result.errors ?? []).map(formatError), ...state.appended];
    return errors.length > 0 ? { data: result.data, errors } : { data: result.data };
  }

  /** After a mutation: each top-level field that succeeded is published with its own selection. */
  function publish(operation: OperationDefinitionNode, result: ExecutionResult, state: RequestState): void {
    const hub = config.hub;
    if (!hub || operation.operation !== 'mutation' || !result.data) return;
    const failed = new Set((result.errors ?? []).map((e) => e.path?.[0]).filter((k) => k !== undefined));
    const mutationType = schema.getMutationType();
    for (const node of topLevelFields(operation, state.fragments)) {
      const key = node.alias?.value ?? node.name.value;
      const value = (result.data as Record<string, unknown>)[key];
      if (value === null || value === undefined || failed.has(key) || !mutationType) continue;
      const def = mutationType.getFields()[node.name.value];
      if (!def) continue;
      const type = getNamedType(def.type);
      hub.publish({
        mutationField: node.name.value,
        result: unaliased(value, type, node.selectionSet, state.fragments),
        selectionSetList: unaliasedList(schema, type, node, state.fragments),
      });
    }
    for (const invalidation of state.invalidations.slice(0, MAX_INVALIDATIONS_PER_REQUEST)) hub.invalidate(invalidation);
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
      publish(prepared.operation, result, state);
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

function topLevelFields(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const out: FieldNode[] = [];
  const walk = (selections: OperationDefinitionNode['selectionSet']['selections']) => {
    for (const sel of selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value !== '__typename') out.push(sel);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet.selections);
      else {
        const f = fragments[sel.name.value];
        if (f) walk(f.selectionSet.selections);
      }
    }
  };
  walk(operation.selectionSet.selections);
  return out;
}

/** The selection of a published mutation field as field-name paths (the payload is unaliased too). */
function unaliasedList(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  node: FieldNode,
  fragments: Record<string, FragmentDefinitionNode>,
): string[] {
  const strip = (n: FieldNode): FieldNode => ({
    ...n,
    alias: undefined,
    selectionSet: n.selectionSet && {
      ...n.selectionSet,
      selections: n.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? strip(s) : s)),
    },
  });
  return selectionSetList(schema, type, [strip(node)], fragments);
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
