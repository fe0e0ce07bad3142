/**
 * Contracts between the parts of the local AppSync runtime. Each part lives in its own folder:
 *   js/           APPSYNC_JS: validation at load, sandboxed execution, util/runtime/extensions, dynamodb helpers
 *   datasources/  executes the request objects handlers return (DynamoDB, Lambda, NONE, EventBridge)
 *   auth/         turns an HTTP request's credentials into an AppSync identity (Cognito, Lambda, IAM, API key)
 *   graphql/      parses/validates/executes GraphQL the way AppSync does, running unit and pipeline resolvers
 *   realtime/     the WebSocket protocol and subscription fan-out
 * Keep these shapes stable: change them here first, then in every part.
 */

// ---- errors ---------------------------------------------------------------------------------------

/** An AppSync GraphQL error entry, every key present (null when unset), as AppSync returns it. */
export interface AppSyncErrorEntry {
  path: (string | number)[] | null;
  data: unknown;
  errorType: string | null;
  errorInfo: unknown;
  locations: { line: number; column: number; sourceName: null }[] | null;
  message: string;
}

/** `ctx.error` as handlers see it after a data-source failure. */
export interface DataSourceError {
  message: string;
  type: string;
}

// ---- identity ---------------------------------------------------------------------------------------

export type AuthMode = 'AMAZON_COGNITO_USER_POOLS' | 'AWS_LAMBDA' | 'AWS_IAM' | 'API_KEY' | 'OPENID_CONNECT';

export interface CognitoIdentity {
  sub: string;
  issuer: string;
  username: string;
  claims: Record<string, unknown>;
  sourceIp: string[];
  groups: string[] | null;
  defaultAuthStrategy: 'ALLOW' | 'DENY';
}

export interface LambdaIdentity {
  resolverContext: Record<string, unknown>;
}

export interface IamIdentity {
  accountId: string;
  cognitoIdentityPoolId: string | null;
  cognitoIdentityId: string | null;
  sourceIp: string[];
  username: string;
  userArn: string;
  cognitoIdentityAuthType: string | null;
  cognitoIdentityAuthProvider: string | null;
}

export type Identity = CognitoIdentity | LambdaIdentity | IamIdentity | null;

/** Request headers as Node's http module hands them over (lower-case names; repeats as arrays). */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * What credentials are checked against: an HTTP request, or what a WebSocket connect or `start`
 * stands for (the connection signs POST `<graphql path>/connect` with body `{}`, a start signs POST
 * `<graphql path>` with body = the start's `data` string; the token modes ignore the body).
 */
export interface AuthRequest {
  headers: RequestHeaders;
  method: string;
  /** Path with query string, as received. */
  path: string;
  body: string;
  /** The peer address; X-Forwarded-For entries are put before it in `identity.sourceIp`. */
  sourceIp: string;
}

/** What the Lambda authorizer is told about the operation (HTTP requests only). */
export interface AuthRequestContext {
  operationName?: string;
  variables?: Record<string, unknown>;
  queryString?: string;
}

/**
 * Turns a request's credentials into an AuthResult (auth/ `createAuthenticator` builds the real one):
 * the HTTP endpoint, the real-time connection and each `start` all use the same authenticator.
 */
export interface Authenticator {
  /** Resolves to the identity, or rejects with a `Refusal` (refusal.ts). */
  authenticate(req: AuthRequest, ctx?: AuthRequestContext): Promise<AuthResult>;
}

/** The outcome of authenticating one request (HTTP, or a WebSocket connect/start). */
export interface AuthResult {
  mode: AuthMode;
  identity: Identity;
  /** AWS_LAMBDA only: fields the authorizer denied (`deniedFields`, as `Type.field`). */
  deniedFields?: string[];
  /** AWS_LAMBDA only: seconds the authorizer's answer may be cached. */
  ttlOverride?: number;
}

// ---- the resolver context -------------------------------------------------------------------------

export interface ResolverInfo {
  fieldName: string;
  parentTypeName: string;
  variables: Record<string, unknown>;
  /** Non-enumerable on the ctx object handlers see (JSON.stringify omits them, as on AppSync). */
  selectionSetList: string[];
  selectionSetGraphQL: string;
}

export interface ResolverRequest {
  headers: Record<string, string | string[]>;
  domainName: string | null;
}

/** What the executor hands to a handler (the runtime adds nothing; `ctx.args` aliases `arguments`). */
export interface ContextInput {
  arguments: Record<string, unknown>;
  source: unknown;
  identity: Identity;
  stash: Record<string, unknown>;
  prev?: { result: unknown };
  result?: unknown;
  error?: DataSourceError | null;
  info: ResolverInfo;
  request: ResolverRequest;
  env: Record<string, string>;
  /** How the request authenticated (for util.authType()); not visible to handlers. Optional: the
   * js runtime infers it from `identity` when absent. */
  authMode?: AuthMode;
}

// ---- running a handler (js/) ----------------------------------------------------------------------

export type HandlerName = 'request' | 'response';

/** util.error / util.unauthorized: aborts the field (and the rest of a pipeline). */
export interface RaisedError {
  message: string;
  type: string | null;
  data: unknown;
  errorInfo: unknown;
}

export interface SubscriptionFilter {
  filterGroup: { filters: { fieldName: string; operator: string; value: unknown }[] }[];
}

export interface HandlerOutcome {
  /** The handler's return value (undefined when it raised or returned early). */
  value?: unknown;
  /** runtime.earlyReturn(obj, { skipTo }) was called. */
  earlyReturn?: { value: unknown; skipTo: 'END' | 'NEXT' };
  /** util.error/util.unauthorized was called (field aborts). */
  raised?: RaisedError;
  /** util.appendError calls, in order. */
  appendedErrors: RaisedError[];
  /** A runtime failure of the code itself (TypeError, a forbidden call, the time limit). */
  codeError?: { errorType: string; message: string; location?: { line: number; column: number; span: number } };
  /** console.log / console.error lines. */
  logs: string[];
  /** extensions.setSubscriptionFilter / setSubscriptionInvalidationFilter (subscription resolvers). */
  subscriptionFilter?: SubscriptionFilter;
  invalidationFilter?: SubscriptionFilter;
  /** extensions.invalidateSubscriptions calls (mutation resolvers). */
  invalidations: { subscriptionField: string; payload: Record<string, unknown> }[];
  /** The stash after the call (plain data), to thread into the next step of a pipeline. */
  stash?: Record<string, unknown>;
  /** util.http.addResponseHeader(s): custom headers for the HTTP response (last definition wins). */
  responseHeaders?: Record<string, string>;
  /** extensions.evictFromApiCache calls. */
  cacheEvictions?: { typeName: string; fieldName: string; keys: Record<string, unknown> }[];
}

// ---- data sources (datasources/) ------------------------------------------------------------------

export type DataSourceType = 'AMAZON_DYNAMODB' | 'AWS_LAMBDA' | 'NONE' | 'AMAZON_EVENTBRIDGE';

export interface DataSourceInvocation {
  /** The object the request handler returned. */
  request: unknown;
  /** Which resolver asked: binds nextTokens to it (another resolver cannot replay them). */
  resolverId: string;
  /** For Lambda data sources (direct or not) and condition-failure Custom handlers. */
  ctx: ContextInput;
}

export interface DataSourceResult {
  result: unknown;
  error?: DataSourceError | null;
}

export interface DataSource {
  type: DataSourceType;
  invoke(call: DataSourceInvocation): Promise<DataSourceResult>;
  /** Resolves once the work it started in the background (Lambda `Event` invocations) has finished. */
  drain?(): Promise<void>;
  /**
   * How a resolver worker rebuilds this data source to make its calls itself (datasources/portable.ts);
   * absent or undefined: its calls are made in this process.
   */
  portable?(): Promise<import('./datasources/portable.ts').Portable | undefined>;
}

// ---- subscriptions (graphql/ publishes, realtime/ delivers) ----------------------------------------

/** A top-level mutation field that completed through the API (only these trigger subscriptions). */
export interface MutationPublication {
  /** e.g. `createTask`. */
  mutationField: string;
  /** The field's result as the mutation's own selection set produced it (unselected fields absent). */
  result: unknown;
  /** The mutation's selection set for that field, as a list of paths like selectionSetList. */
  selectionSetList: string[];
}

export interface InvalidationRequest {
  subscriptionField: string;
  payload: Record<string, unknown>;
}

/** Implemented by realtime/; the executor calls it after each mutation field (and for invalidations). */
export interface SubscriptionHub {
  publish(publication: MutationPublication): void;
  invalidate(request: InvalidationRequest): void;
}

/** What starting a subscription yields (the executor runs the subscription field's resolver once). */
export interface PreparedSubscription {
  subscriptionField: string;
  /** Mutation fields named by `@aws_subscribe(mutations: [...])`. */
  mutations: string[];
  arguments: Record<string, unknown>;
  /** Enhanced filter set by the resolver; when present it replaces argument filtering. */
  filter: SubscriptionFilter | null;
  invalidationFilter: SubscriptionFilter | null;
  /** The subscriber's parsed document and variables, to shape each delivered payload. */
  document: unknown;
  variables: Record<string, unknown>;
  auth: AuthResult;
}
