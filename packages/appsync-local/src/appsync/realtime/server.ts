/**
 * AppSync's real-time WebSocket endpoint (docs/appsync-wire.md, "Real-time"; AWS developer guide
 * "Building a real-time WebSocket client"; aws-amplify v6 `AWSWebSocketProvider` for what the client
 * sends and expects).
 *
 *   const hub = createHub();                                   // first: the app publishes to it
 *   const app = createLocalAppSync({ authenticator, hub, ... });
 *   const rt = createRealtimeServer({ hub, authenticator, prepareSubscription: (i) => app.prepareSubscription(i),
 *     schema: app.schema, authorizer: app.authorizer });
 *   startServer({ app, realtime: rt, ... });                   // hands /graphql/realtime upgrades to rt
 *
 * Frames, client → server: `connection_init`, `start {id, payload:{data, extensions:{authorization}}}`,
 * `stop {id}`. Server → client: `connection_ack {payload:{connectionTimeoutMs}}`, `ka`,
 * `start_ack {id}`, `data {id, payload}`, `complete {id}`, `error {id?, payload:{errors}}`,
 * `connection_error {payload:{errors:[{errorType, errorCode}]}}` followed by closing the socket.
 * One connection's frames are handled by connection.ts; this module accepts and tracks connections.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AuthRequest, Authenticator } from '../types.ts';
import type { FieldAuthorizer } from '../graphql/authz.ts';
import { Connection, type PrepareSubscription } from './connection.ts';
import { connectHeaders } from './headers.ts';
import { defaultLog, type Hub, type HubLog } from './hub.ts';

export type { PrepareInput, PrepareSubscription } from './connection.ts';
export type { StartError } from '../graphql/errors.ts';
export { connectHeaders, type Headers } from './headers.ts';

/** What a connection's or a start's credentials are checked as (see types.ts `AuthRequest`). */
export type RealtimeAuthRequest = AuthRequest;

export interface RealtimeOptions {
  /** Where the app publishes: the server registers its subscribers on it (realtime/hub.ts). */
  hub: Hub;
  /** The app's authenticator: each connection and each `start` is authenticated with it. */
  authenticator: Authenticator;
  prepareSubscription: PrepareSubscription;
  keepAliveMs?: number;
  connectionTimeoutMs?: number;
  maxSubscriptionsPerConnection?: number;
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
  /**
   * The app's schema and field authorizer (`app.schema`, `app.authorizer`): payloads get `__typename`,
   * non-null checks and field auth.
   */
  schema?: GraphQLSchema;
  authorizer?: FieldAuthorizer;
}

export interface RealtimeServer {
  /** The hub the server was given. */
  hub: Hub;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection and stops the timers. */
  close(): Promise<void>;
  /** Open connections and registered subscriptions (for tests and the benchmark). */
  stats(): { connections: number; subscriptions: number };
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
  const { hub, authenticator, prepareSubscription, schema, authorizer, log = defaultLog, maxUninitialisedConnections = 1000 } = options;
  const settings = {
    keepAliveMs: options.keepAliveMs ?? 60_000,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 300_000,
    maxSubscriptionsPerConnection: options.maxSubscriptionsPerConnection ?? 100,
    maxConnectionMs: options.maxConnectionMs ?? 24 * 60 * 60 * 1000,
    initTimeoutMs: options.initTimeoutMs ?? 15_000,
    maxBufferedBytes: options.maxBufferedBytes ?? 16 * 1024 * 1024,
  };
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
  const context = {
    settings,
    hub,
    authenticator,
    prepareSubscription,
    schema,
    authorizer,
    log,
    established: (c: Connection) => uninitialised.delete(c),
    closed: (c: Connection) => {
      uninitialised.delete(c);
      connections.delete(c);
    },
  };

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
        const connection = new Connection(context, ws, graphqlPath, peer, req.headers['x-forwarded-for'], headers);
        connections.add(connection);
        uninitialised.add(connection);
      });
    },
    async close() {
      for (const c of [...connections]) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    stats: () => ({ connections: connections.size, subscriptions: hub.size() }),
  };
}
