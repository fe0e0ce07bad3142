/**
 * One real-time WebSocket connection: its frames in order, its credentials (the connection's and each
 * `start`'s own), its subscriptions on the hub, its keep-alive, lifetime and initialisation timers
 * (docs/appsync-wire.md, "Real-time"; docs/local-runtime-limits.md for the bounds that are ours).
 */
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { parse } from 'graphql';
import type { WebSocket } from 'ws';
import type { AuthResult, Authenticator, PreparedSubscription } from '../types.ts';
import { Refusal } from '../refusal.ts';
import { MESSAGES } from '../auth/errors.ts';
import type { FieldAuthorizer } from '../graphql/authz.ts';
import { startErrors, type StartError } from '../graphql/errors.ts';
import { validateFilter } from './filter.ts';
import { definedHeaders, headerValues, type Headers } from './headers.ts';
import type { Hub, HubLog, Subscriber } from './hub.ts';
import { compilePlan, type Plan } from './shape.ts';

export interface PrepareInput {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | null;
  auth: AuthResult;
  /** The start's authorization headers (what `ctx.request.headers` shows the subscription resolver). */
  headers: Record<string, string | string[]>;
}

/**
 * Runs the subscription field's resolver once (the executor's job). Resolves to the prepared
 * subscription or to `{errors}` (validation errors, `util.unauthorized()`, ...); a rejection with an
 * `errors` array or an `errorType`/`message` is treated the same way.
 */
export type PrepareSubscription = (input: PrepareInput) => Promise<PreparedSubscription | { errors: StartError[] }>;

export interface ConnectionSettings {
  keepAliveMs: number;
  connectionTimeoutMs: number;
  maxSubscriptionsPerConnection: number;
  maxConnectionMs: number;
  initTimeoutMs: number;
  maxBufferedBytes: number;
}

/** What every connection of one server shares. */
export interface ConnectionContext {
  settings: ConnectionSettings;
  hub: Hub;
  authenticator: Authenticator;
  prepareSubscription: PrepareSubscription;
  schema: GraphQLSchema | undefined;
  authorizer: FieldAuthorizer | undefined;
  log: HubLog;
  /** The connection was acknowledged or started a subscription. */
  established(connection: Connection): void;
  /** The connection is gone (its subscriptions are off the hub). */
  closed(connection: Connection): void;
}

/** An authenticator's refusal as sent; anything else it throws (a bug) never shows its message. */
function refusalOf(e: unknown): { errorType: string; message: string; errorCode: number } {
  if (e instanceof Refusal) return { errorType: e.errorType, message: e.message || MESSAGES.notAuthorized, errorCode: e.statusCode };
  return { errorType: 'UnauthorizedException', message: MESSAGES.notAuthorized, errorCode: 401 };
}

function isPrepared(v: unknown): v is PreparedSubscription {
  return !!v && typeof v === 'object' && typeof (v as PreparedSubscription).subscriptionField === 'string';
}

export class Connection {
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
    private readonly ctx: ConnectionContext,
    private readonly ws: WebSocket,
    private readonly graphqlPath: string,
    private readonly peer: string,
    private readonly forwardedFor: string | string[] | undefined,
    headers: Headers,
  ) {
    this.auth = ctx.authenticator.authenticate({ method: 'POST', path: `${graphqlPath}/connect`, headers, body: '{}', sourceIp: this.peer });
    this.auth.catch(() => undefined); // observed when the first frame arrives
    this.lifetime = setTimeout(() => this.shutdown(1000, 'Connection duration exceeded'), ctx.settings.maxConnectionMs);
    this.lifetime.unref();
    this.initTimer = setTimeout(() => this.shutdown(1000, 'Connection initialisation timeout'), ctx.settings.initTimeoutMs);
    this.initTimer.unref();
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = data.toString();
      this.chain = this.chain.then(() => this.handle(text)).catch((e: unknown) => {
        ctx.log('error', 'realtime frame handling failed', { error: String(e) });
      });
    });
    ws.on('close', () => this.cleanup());
    ws.on('error', () => this.cleanup());
  }

  send(frame: string): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount + frame.length > this.ctx.settings.maxBufferedBytes) {
      this.ctx.log('warn', 'dropping a connection that does not read its frames', { bufferedBytes: this.ws.bufferedAmount });
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
    this.ctx.established(this);
  }

  private ack(): void {
    this.acked = true;
    this.established();
    this.sendJson({ type: 'connection_ack', payload: { connectionTimeoutMs: this.ctx.settings.connectionTimeoutMs } });
    // AppSync sends a first `ka` right after the ack, then about every keepAliveMs.
    this.sendJson({ type: 'ka' });
    this.keepAlive = setInterval(() => this.sendJson({ type: 'ka' }), this.ctx.settings.keepAliveMs);
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
    if (this.subs.size + this.pending.size >= this.ctx.settings.maxSubscriptionsPerConnection) {
      // AppSync sends this one's `errors` as a single object, not a list (docs/appsync-wire.md).
      this.sendJson({
        type: 'error',
        id,
        payload: { errors: { errorType: 'MaxSubscriptionsReachedError', message: `Max number of ${this.ctx.settings.maxSubscriptionsPerConnection} subscriptions reached` } },
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
        auth = await this.ctx.authenticator.authenticate({ method: 'POST', path: this.graphqlPath, headers, body: dataText!, sourceIp: this.peer });
      } catch (e) {
        const { errorType, message } = refusalOf(e);
        this.error(id, [{ errorType, message }]);
        return;
      }
      let prepared: PreparedSubscription | { errors: StartError[] };
      try {
        prepared = await this.ctx.prepareSubscription({
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
        prepared = { errors: startErrors(e) };
      }
      if (!isPrepared(prepared)) {
        this.error(id, startErrors(prepared));
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
          schema: this.ctx.schema,
          authorizer: this.ctx.authorizer,
        });
      } catch (e) {
        this.error(id, [{ errorType: 'BadRequestException', message: e instanceof Error ? e.message : String(e) }]);
        return;
      }
      const sub: Subscriber = { sink: this.sink, id, prepared, plan, planKey: JSON.stringify(plan) };
      this.subs.set(id, sub);
      this.ctx.hub.add(sub);
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
      this.ctx.hub.remove(sub);
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
    this.ctx.hub.remove(sub);
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
    for (const sub of this.subs.values()) this.ctx.hub.remove(sub);
    this.subs.clear();
    this.pending.clear();
    this.ctx.closed(this);
  }

  terminate(): void {
    this.cleanup();
    this.ws.terminate();
  }
}

