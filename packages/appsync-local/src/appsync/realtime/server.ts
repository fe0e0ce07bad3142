/**
 * AppSync's real-time WebSocket endpoint (APPSYNC.md §8; AWS developer guide "Building a real-time
 * WebSocket client"; aws-amplify v6 `AWSWebSocketProvider` for what the client sends and expects).
 *
 *   const rt = createRealtimeServer({ authenticate, prepareSubscription });
 *   httpsServer.on('upgrade', (req, socket, head) => {
 *     if (new URL(req.url!, 'https://x').pathname === '/graphql/realtime') rt.handleUpgrade(req, socket, head);
 *   });
 *   executor: after each mutation field → rt.hub.publish(...), and rt.hub.invalidate(...)
 *
 * Frames, client → server: `connection_init`, `start {id, payload:{data, extensions:{authorization}}}`,
 * `stop {id}`. Server → client: `connection_ack {payload:{connectionTimeoutMs}}`, `ka`,
 * `start_ack {id}`, `data {id, payload}`, `complete {id}`, `error {id?, payload:{errors}}`,
 * `connection_error {payload:{errors:[{errorType, errorCode}]}}` followed by closing the socket.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AuthResult, PreparedSubscription, SubscriptionHub } from '../types.ts';
import { realtimeError } from '../graphql/errors.ts';
import { validateFilter } from './filter.ts';
import { createHub, type HubLog, type Subscriber } from './hub.ts';
import { compilePlan, type FieldAuthorizer, type Plan } from './shape.ts';

export type Headers = Record<string, string | string[] | undefined>;

/**
 * What the credentials of a connection or of one `start` are checked against, shaped like the HTTP
 * request they stand for: the connection signs POST `<graphql path>/connect` with body `{}`, a start
 * signs POST `<graphql path>` with body = the start's `data` string (IAM; the token modes ignore it).
 */
export interface RealtimeAuthRequest {
  method: 'POST';
  path: string;
  headers: Headers;
  body: string;
  /** The peer address (auth/ puts any `X-Forwarded-For` entries before it in `identity.sourceIp`). */
  sourceIp: string;
}

/** Resolves to the caller's auth, or rejects with an AuthRefusal-like error (`errorType`, `statusCode`). */
export type Authenticate = (request: RealtimeAuthRequest) => Promise<AuthResult>;

export interface PrepareInput {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | null;
  auth: AuthResult;
  /** The start's authorization headers (what `ctx.request.headers` shows the subscription resolver). */
  headers: Record<string, string | string[]>;
}

/** An error entry as AppSync puts it in an `error` frame. */
export interface StartError {
  errorType?: string | null;
  message: string;
  [key: string]: unknown;
}

/**
 * Runs the subscription field's resolver once (the executor's job). Resolves to the prepared
 * subscription or to `{errors}` (validation errors, `util.unauthorized()`, ...); a rejection with an
 * `errors` array or an `errorType`/`message` is treated the same way.
 */
export type PrepareSubscription = (input: PrepareInput) => Promise<PreparedSubscription | { errors: StartError[] }>;

export interface RealtimeOptions {
  authenticate: Authenticate;
  prepareSubscription: PrepareSubscription;
  keepAliveMs?: number;
  connectionTimeoutMs?: number;
  maxSubscriptionsPerConnection?: number;
  maxPayloadBytes?: number;
  /** AppSync closes every connection after 24 hours. */
  maxConnectionMs?: number;
  /**
   * A connection that has neither been acknowledged (`connection_init`) nor started a subscription
   * within this time is closed (docs/local-runtime-limits.md). ⚠ AppSync documents `connection_init`
   * as optional and publishes no such timeout; 15 s is ours (Amplify gives up on an ack after 15 s).
   */
  initTimeoutMs?: number;
  /** Upgrades are refused with HTTP 429 while this many connections are not yet established. ⚠ Ours. */
  maxUninitialisedConnections?: number;
  /**
   * Bytes a connection may have queued unsent (a client that stops reading): past it the connection is
   * dropped rather than buffering without bound. ⚠ AppSync documents no such figure.
   */
  maxBufferedBytes?: number;
  log?: HubLog;
  /** With the schema, payloads get `__typename`, non-null checks and (with `authorizer`) field auth. */
  schema?: GraphQLSchema;
  authorizer?: FieldAuthorizer;
}

export interface RealtimeServer {
  hub: SubscriptionHub;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection and stops the timers. */
  close(): Promise<void>;
  /** Open connections and registered subscriptions (for tests and the benchmark). */
  stats(): { connections: number; subscriptions: number };
}

const defaultLog: HubLog = (level, message, details) => {
  if (level === 'info') return;
  console.warn(`[realtime] ${message}`, details ?? '');
};

/**
 * Header values from client JSON (the connection's `header`, a start's `extensions.authorization`):
 * strings as sent, numbers and booleans as text; nulls, objects and arrays are left out, as no header
 * could carry them (the authenticator only ever sees strings).
 */
function headerValues(json: unknown): Headers | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const headers: Headers = {};
  for (const [k, v] of Object.entries(json)) {
    if (typeof v === 'string') headers[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') headers[k] = String(v);
  }
  return headers;
}

/** Decodes base64 or base64url JSON (padded or not) into an object of header values. */
function decodeHeaderJson(encoded: string): Headers | null {
  try {
    return headerValues(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as unknown);
  } catch {
    return null;
  }
}

function offeredProtocols(req: IncomingMessage): string[] {
  const raw = req.headers['sec-websocket-protocol'];
  return (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The connection's credentials, in AppSync's order: the `header` query parameter (base64 JSON), the
 * `header-<base64url JSON>` subprotocol (Amplify v6), or the upgrade request's own headers. Other query
 * parameters are custom headers (Amplify v6 moves non-Authorization custom headers there).
 */
export function connectHeaders(req: IncomingMessage): Headers {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let headers: Headers | null = null;
  const param = url.searchParams.get('header');
  if (param !== null) headers = decodeHeaderJson(param) ?? {};
  if (!headers) {
    const proto = offeredProtocols(req).find((p) => p.startsWith('header-'));
    if (proto !== undefined) headers = decodeHeaderJson(proto.slice('header-'.length)) ?? {};
  }
  if (!headers) {
    headers = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (k === 'sec-websocket-protocol' || k.startsWith('sec-websocket-')) continue;
      headers[k] = v;
    }
  }
  for (const [k, v] of url.searchParams) {
    if (k === 'header' || k === 'payload') continue;
    if (!Object.keys(headers).some((h) => h.toLowerCase() === k.toLowerCase())) headers[k] = v;
  }
  const forwarded = req.headers['x-forwarded-for'];
  if (forwarded !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'x-forwarded-for')) {
    headers['x-forwarded-for'] = forwarded;
  }
  return headers;
}

interface RefusalLike {
  errorType?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

/** An authenticator's refusal as sent; anything else it throws (a bug) never shows its message. */
function refusalOf(e: unknown): { errorType: string; message: string; errorCode: number } {
  const r = (e ?? {}) as RefusalLike;
  const refusal = typeof r.errorType === 'string';
  return {
    errorType: refusal ? (r.errorType as string) : 'UnauthorizedException',
    message: refusal && typeof r.message === 'string' && r.message ? r.message : 'You are not authorized to make this call.',
    errorCode: typeof r.statusCode === 'number' ? r.statusCode : 401,
  };
}

function startErrorsOf(e: unknown): StartError[] {
  if (e && typeof e === 'object') {
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) return (errors as StartError[]).map(realtimeError);
    // A deliberate refusal names its type; anything else (a TypeError, a crash) is internal: its
    // message is logged, never sent.
    const { errorType, message } = e as { errorType?: unknown; message?: unknown };
    if (typeof message === 'string' && typeof errorType === 'string') return [{ errorType, message }];
  }
  console.error('[realtime] subscription start failed:', e);
  return [{ errorType: 'InternalFailure', message: 'An internal failure occurred while starting the subscription.' }];
}

function definedHeaders(headers: Headers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

function isPrepared(v: unknown): v is PreparedSubscription {
  return !!v && typeof v === 'object' && typeof (v as PreparedSubscription).subscriptionField === 'string';
}

/**
 * A socket that did not agree `graphql-ws` gets AppSync's `connection_error` and is closed, before any
 * credentials are looked at: NoProtocolError when it offered none (aws/aws-appsync-community#195),
 * SubProtocolNotSupportedError when it offered others (graphql-dotnet/graphql-client#591).
 */
function refuseProtocol(ws: WebSocket): void {
  const message = ws.protocol === '' ? 'NoProtocolError' : 'SubProtocolNotSupportedError';
  ws.send(JSON.stringify({ type: 'connection_error', payload: { errors: [{ message, errorCode: 400 }] } }));
  // ⚠ The close code is not recorded; a normal closure, as after other connection errors here.
  ws.close(1000, message);
}

export function createRealtimeServer(options: RealtimeOptions): RealtimeServer {
  const {
    authenticate,
    prepareSubscription,
    keepAliveMs = 60_000,
    connectionTimeoutMs = 300_000,
    maxSubscriptionsPerConnection = 100,
    maxPayloadBytes = 240 * 1024,
    maxConnectionMs = 24 * 60 * 60 * 1000,
    initTimeoutMs = 15_000,
    maxUninitialisedConnections = 1000,
    maxBufferedBytes = 16 * 1024 * 1024,
    log = defaultLog,
    schema,
    authorizer,
  } = options;
  const hub = createHub({ maxPayloadBytes, log, schema });
  const wss = new WebSocketServer({
    noServer: true,
    // Select `graphql-ws`; the `header-…` entry only carries credentials. Without it, the first
    // protocol offered is agreed so the client sees AppSync's refusal frame (refuseProtocol).
    handleProtocols: (protocols) => (protocols.has('graphql-ws') ? 'graphql-ws' : ([...protocols][0] ?? false)),
    maxPayload: 1024 * 1024,
  });
  const connections = new Set<Connection>();
  /** Connections neither acknowledged nor subscribed yet. */
  const uninitialised = new Set<Connection>();

  class Connection {
    readonly subs = new Map<string, Subscriber>();
    readonly pending = new Set<string>();
    private chain: Promise<void> = Promise.resolve();
    private acked = false;
    private closed = false;
    private keepAlive: NodeJS.Timeout | undefined;
    private readonly lifetime: NodeJS.Timeout;
    private initTimer: NodeJS.Timeout | undefined;
    private readonly auth: Promise<AuthResult>;
    private readonly sink = {
      send: (frame: string) => this.send(frame),
      invalidated: (id: string) => this.invalidated(id),
    };

    constructor(
      private readonly ws: WebSocket,
      private readonly graphqlPath: string,
      private readonly peer: string,
      private readonly forwardedFor: string | string[] | undefined,
      headers: Headers,
    ) {
      this.auth = authenticate({ method: 'POST', path: `${graphqlPath}/connect`, headers, body: '{}', sourceIp: this.peer });
      this.auth.catch(() => undefined); // observed when the first frame arrives
      this.lifetime = setTimeout(() => this.shutdown(1000, 'Connection duration exceeded'), maxConnectionMs);
      this.lifetime.unref();
      uninitialised.add(this);
      this.initTimer = setTimeout(() => this.shutdown(1000, 'Connection initialisation timeout'), initTimeoutMs);
      this.initTimer.unref();
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        const text = data.toString();
        this.chain = this.chain.then(() => this.handle(text)).catch((e: unknown) => {
          log('error', 'realtime frame handling failed', { error: String(e) });
        });
      });
      ws.on('close', () => this.cleanup());
      ws.on('error', () => this.cleanup());
    }

    send(frame: string): void {
      if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
      if (this.ws.bufferedAmount + frame.length > maxBufferedBytes) {
        log('warn', 'dropping a connection that does not read its frames', { bufferedBytes: this.ws.bufferedAmount });
        this.terminate();
        return;
      }
      this.ws.send(frame);
    }

    private sendJson(obj: unknown): void {
      this.send(JSON.stringify(obj));
    }

    private error(id: string | undefined, errors: StartError[]): void {
      this.sendJson(id === undefined ? { type: 'error', payload: { errors } } : { type: 'error', id, payload: { errors } });
    }

    /** The connection's credentials: a refusal answers `connection_error` and closes the socket. */
    private async connectionAuth(): Promise<AuthResult | null> {
      try {
        return await this.auth;
      } catch (e) {
        const { errorType, errorCode, message } = refusalOf(e);
        this.sendJson({ type: 'connection_error', payload: { errors: [{ errorType, message, errorCode }] } });
        this.shutdown(1000, errorType);
        return null;
      }
    }

    private async handle(text: string): Promise<void> {
      if (this.closed) return;
      let msg: { type?: unknown; id?: unknown; payload?: unknown };
      try {
        msg = JSON.parse(text) as typeof msg;
        if (msg === null || typeof msg !== 'object') throw new Error('not an object');
      } catch {
        // AWS documents no answer to a malformed frame; an id-less error is the closest documented frame.
        this.error(undefined, [{ errorType: 'BadRequestException', message: 'The message could not be parsed as JSON.' }]);
        return;
      }
      switch (msg.type) {
        case 'connection_init':
          if ((await this.connectionAuth()) && !this.acked) this.ack();
          return;
        case 'start':
          if (await this.connectionAuth()) await this.start(msg);
          return;
        case 'stop':
          this.stop(typeof msg.id === 'string' ? msg.id : undefined);
          return;
        default:
          this.unsupported();
      }
    }

    /**
     * A frame type AppSync does not know: an id-less error whatever id the frame had, naming the
     * operation `unknown` (enisdenjo/graphql-ws#602 records AppSync's answer to a `subscribe` frame, artilleryio/artillery#1567
     * the same for a frame it did not recognise).
     */
    private unsupported(): void {
      this.error(undefined, [{ errorType: 'UnsupportedOperation', message: 'unknown not supported through the realtime channel' }]);
    }

    /** Acknowledged or subscribed: the connection is past its initialisation timeout. */
    private established(): void {
      clearTimeout(this.initTimer);
      uninitialised.delete(this);
    }

    private ack(): void {
      this.acked = true;
      this.established();
      this.sendJson({ type: 'connection_ack', payload: { connectionTimeoutMs } });
      // AppSync sends a first `ka` right after the ack, then about every keepAliveMs.
      this.sendJson({ type: 'ka' });
      this.keepAlive = setInterval(() => this.sendJson({ type: 'ka' }), keepAliveMs);
      this.keepAlive.unref();
    }

    private async start(msg: { id?: unknown; payload?: unknown }): Promise<void> {
      const id = typeof msg.id === 'string' && msg.id.length > 0 ? msg.id : undefined;
      if (id === undefined) {
        this.error(undefined, [{ errorType: 'BadRequestException', message: 'A start message needs an id.' }]);
        return;
      }
      if (this.subs.has(id) || this.pending.has(id)) {
        this.error(id, [{ errorType: 'DuplicatedOperationError', message: `Duplicated operation with id ${id}` }]);
        return;
      }
      if (this.subs.size + this.pending.size >= maxSubscriptionsPerConnection) {
        // AppSync sends this one's `errors` as a single object, not a list (docs/appsync-wire.md).
        this.sendJson({
          type: 'error',
          id,
          payload: { errors: { errorType: 'MaxSubscriptionsReachedError', message: `Max number of ${maxSubscriptionsPerConnection} subscriptions reached` } },
        });
        return;
      }
      const payload = (msg.payload ?? {}) as { data?: unknown; extensions?: { authorization?: unknown } };
      const dataText = typeof payload.data === 'string' ? payload.data : undefined;
      let request: { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
      try {
        request = dataText === undefined ? undefined : (JSON.parse(dataText) as typeof request);
      } catch {
        request = undefined;
      }
      if (!request || typeof request !== 'object' || typeof request.query !== 'string') {
        this.error(id, [{ errorType: 'UnsupportedOperation', message: 'unknown not supported through the realtime channel' }]);
        return;
      }
      let document: DocumentNode | undefined;
      try {
        document = parse(request.query);
      } catch {
        document = undefined; // the executor reports syntax errors in AppSync's words
      }
      const operation = document?.definitions.find((d) => d.kind === 'OperationDefinition');
      if (operation && operation.kind === 'OperationDefinition' && operation.operation !== 'subscription') {
        this.error(id, [
          { errorType: 'UnsupportedOperation', message: `${operation.operation} not supported through the realtime channel` },
        ]);
        return;
      }

      this.pending.add(id);
      try {
        // Each start carries its own authorization (its mode may differ from the connection's).
        const authorization = payload.extensions?.authorization;
        const headers: Headers = headerValues(authorization) ?? {};
        if (this.forwardedFor !== undefined) headers['x-forwarded-for'] ??= this.forwardedFor;
        let auth: AuthResult;
        try {
          auth = await authenticate({ method: 'POST', path: this.graphqlPath, headers, body: dataText!, sourceIp: this.peer });
        } catch (e) {
          const { errorType, message } = refusalOf(e);
          this.error(id, [{ errorType, message }]);
          return;
        }
        let prepared: PreparedSubscription | { errors: StartError[] };
        try {
          prepared = await prepareSubscription({
            query: request.query,
            variables: (request.variables && typeof request.variables === 'object' ? request.variables : {}) as Record<
              string,
              unknown
            >,
            operationName: typeof request.operationName === 'string' ? request.operationName : null,
            auth,
            headers: definedHeaders(headers),
          });
        } catch (e) {
          prepared = { errors: startErrorsOf(e) };
        }
        if (!isPrepared(prepared)) {
          this.error(id, startErrorsOf(prepared));
          return;
        }
        for (const f of [prepared.filter, prepared.invalidationFilter]) {
          const problem = f ? validateFilter(f) : null;
          if (problem) {
            // AWS documents the limits, not the error's wording or type.
            this.error(id, [{ errorType: 'InvalidSubscriptionFilter', message: problem }]);
            return;
          }
        }
        if (this.closed || !this.pending.has(id)) return; // stopped or closed meanwhile
        let plan: Plan;
        try {
          plan = compilePlan({
            document: (prepared.document as DocumentNode | undefined) ?? document!,
            variables: prepared.variables,
            subscriptionField: prepared.subscriptionField,
            auth: prepared.auth,
            schema,
            authorizer,
          });
        } catch (e) {
          this.error(id, [{ errorType: 'BadRequestException', message: e instanceof Error ? e.message : String(e) }]);
          return;
        }
        const sub: Subscriber = { sink: this.sink, id, prepared, plan, planKey: JSON.stringify(plan) };
        this.subs.set(id, sub);
        hub.add(sub);
        this.established();
        this.sendJson({ type: 'start_ack', id });
      } finally {
        this.pending.delete(id);
      }
    }

    private stop(id: string | undefined): void {
      if (id === undefined) return;
      const sub = this.subs.get(id);
      if (sub) {
        hub.remove(sub);
        this.subs.delete(id);
        this.sendJson({ type: 'complete', id });
      } else if (this.pending.delete(id)) {
        this.sendJson({ type: 'complete', id });
      }
    }

    /**
     * An invalidation matched this subscription: AppSync unsubscribes it and closes the connection
     * ("forcibly unsubscribe and close (invalidate) a WebSocket connection", developer guide,
     * "Unsubscribing WebSocket connections using filters"). ⚠ The exact frame is not published; the
     * guide shows the message `Subscription complete.`, so the subscription gets a `complete` carrying
     * that message before the socket closes.
     */
    private invalidated(id: string): void {
      const sub = this.subs.get(id);
      if (!sub) return;
      hub.remove(sub);
      this.subs.delete(id);
      this.sendJson({ type: 'complete', id, payload: { message: 'Subscription complete.' } });
      this.shutdown(1000, 'Subscription invalidated');
    }

    shutdown(code: number, reason: string): void {
      if (this.closed) return;
      this.cleanup();
      this.ws.close(code, reason.slice(0, 120));
    }

    cleanup(): void {
      if (this.closed) return;
      this.closed = true;
      clearInterval(this.keepAlive);
      clearTimeout(this.lifetime);
      this.established();
      for (const sub of this.subs.values()) hub.remove(sub);
      this.subs.clear();
      this.pending.clear();
      connections.delete(this);
    }

    terminate(): void {
      this.cleanup();
      this.ws.terminate();
    }
  }

  return {
    hub,
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const graphqlPath = url.pathname.replace(/\/realtime\/?$/, '') || '/graphql';
      if (uninitialised.size >= maxUninitialisedConnections) {
        socket.end('HTTP/1.1 429 Too Many Requests\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      const headers = connectHeaders(req);
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (ws.protocol !== 'graphql-ws') {
          refuseProtocol(ws);
          return;
        }
        const peer = req.socket.remoteAddress ?? '';
        connections.add(new Connection(ws, graphqlPath, peer, req.headers['x-forwarded-for'], headers));
      });
    },
    async close() {
      for (const c of [...connections]) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    stats: () => ({ connections: connections.size, subscriptions: hub.size() }),
  };
}
