/**
 * The listener: HTTPS (the local CA's certificate), or plain HTTP when asked (benchmarks). It moves bytes between sockets and
 * the app (app.ts) and adds what belongs to HTTP itself: routing, CORS for the browser client, a bound
 * on the request body, and the WebSocket upgrade on /graphql/realtime handed to realtime/.
 */
import { createServer, type Server } from 'node:https';
import { createServer as createPlainServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { LocalAppSync } from './app.ts';
import { JSON_CONTENT_TYPE, type HttpRequest, type HttpResponse } from './graphql/http.ts';

export const GRAPHQL_PATH = '/graphql';
export const REALTIME_PATH = '/graphql/realtime';
export const EVALUATE_CODE_PATH = '/v1/dataplane-evaluatecode';
/** Bound on a request body (AppSync's EvaluateCode inputs are < 64 KB; GraphQL requests far less than this). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface UpgradeHandler {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface ServerOptions {
  app: LocalAppSync;
  /** `null` serves plain HTTP (the peer benchmark, which compares servers that all speak HTTP). */
  tls: { key: string; cert: string } | null;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  maxBodyBytes?: number;
  /** The WebSocket endpoint (realtime/), when present. */
  realtime?: UpgradeHandler | null;
}

export interface RunningServer {
  server: Server | import('node:http').Server;
  port: number;
  url: string;
  /** Lets realtime/ attach after the server started. */
  setRealtime(handler: UpgradeHandler | null): void;
  close(): Promise<void>;
}

// What AppSync answers to a browser's preflight (any origin; the headers Amplify and the SDK send).
const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, x-api-key, x-amz-date, x-amz-security-token, x-amz-user-agent, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request',
  'access-control-expose-headers': 'x-amzn-requestid, x-amzn-errortype',
  'access-control-max-age': '86400',
};

/** Every AppSync response names its request (a UUID), refusals included; the name cased as AppSync sends it. */
const REQUEST_ID = 'x-amzn-RequestId';

class BodyTooLarge extends Error {}

/** Request headers with lower-case names and repeated headers as arrays (rawHeaders keeps repeats). */
function headersOf(req: IncomingMessage): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    const existing = out[name];
    out[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** EvaluateCode gets no CORS headers: no web page may call it (docs/local-runtime.md). */
const corsFor = (path: string): Record<string, string> => (path === EVALUATE_CODE_PATH ? {} : CORS_HEADERS);

function send(res: ServerResponse, response: HttpResponse, cors: Record<string, string> = CORS_HEADERS): void {
  if (res.headersSent) return;
  res.writeHead(response.statusCode, {
    ...cors,
    ...response.headers,
    [REQUEST_ID]: randomUUID(),
    'content-length': Buffer.byteLength(response.body),
  });
  res.end(response.body);
}

const errorBody = (errorType: string, message: string) => JSON.stringify({ errors: [{ errorType, message }] });

async function route(app: LocalAppSync, req: IncomingMessage, res: ServerResponse, maxBody: number): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const cors = corsFor(path);
  if (req.method === 'OPTIONS') {
    if (path === EVALUATE_CODE_PATH) {
      // A browser's preflight: refused, so the browser never sends the request itself.
      send(res, { statusCode: 403, headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-errortype': 'AccessDeniedException' }, body: JSON.stringify({ message: 'EvaluateCode does not accept cross-origin requests.' }) }, cors);
      return;
    }
    res.writeHead(204, { ...CORS_HEADERS, [REQUEST_ID]: randomUUID() });
    res.end();
    return;
  }
  const handler = path === GRAPHQL_PATH ? app.graphql : path === EVALUATE_CODE_PATH ? app.evaluateCodeHttp : null;
  if (!handler) {
    send(res, { statusCode: 404, headers: { 'content-type': JSON_CONTENT_TYPE }, body: errorBody('NotFound', `No route for ${path}.`) });
    return;
  }
  let body: string;
  try {
    body = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req, maxBody);
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      res.setHeader('connection', 'close');
      send(res, {
        statusCode: 413,
        headers: { 'content-type': JSON_CONTENT_TYPE },
        body: errorBody('MalformedHttpRequestException', `Request body is larger than ${maxBody} bytes.`),
      }, cors);
    }
    return;
  }
  const request: HttpRequest = {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    headers: headersOf(req),
    body,
    remoteAddress: req.socket.remoteAddress ?? '',
  };
  send(res, await handler(request), cors);
}

/** Starts listening; rejects with a one-line message when the port is taken. */
export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let realtime = opts.realtime ?? null;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    route(opts.app, req, res, maxBody).catch(() => {
      // A bug, never a stack trace on the wire.
      send(res, { statusCode: 500, headers: { 'content-type': JSON_CONTENT_TYPE }, body: errorBody('InternalFailure', 'An internal failure occurred.') }, corsFor((req.url ?? '/').split('?')[0] ?? '/'));
    });
  };
  const server = opts.tls ? createServer({ key: opts.tls.key, cert: opts.tls.cert }, listener) : createPlainServer(listener);
  // Bytes that are not HTTP (Node's parser gives up): AppSync's JSON refusal, not Node's empty 400.
  // (As Node's own handler: not once a response's headers went out on that socket.)
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent?: boolean } | null }) => {
    if (err.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = errorBody('MalformedHttpRequestException', status === 408 ? 'The request timed out.' : 'The request could not be parsed as HTTP.');
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: ${JSON_CONTENT_TYPE}\r\n${REQUEST_ID}: ${randomUUID()}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === REALTIME_PATH && realtime) {
      realtime.handleUpgrade(req, socket, head);
      return;
    }
    socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  // Keep a slow client from holding a socket forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `Cannot serve the local AppSync: port ${opts.port} is already in use (set PORT to another port)`
            : `Cannot serve the local AppSync on port ${opts.port}: ${err.code ?? err.message}`,
        ),
      );
    });
    server.listen(opts.port, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : opts.port;
      resolve({
        server,
        port,
        url: `${opts.tls ? 'https' : 'http'}://localhost:${port}${GRAPHQL_PATH}`,
        setRealtime(handler) {
          realtime = handler;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
