/**
 * What the local event services share: an HTTP listener on loopback, request bodies, a clock that
 * tests can move, retries with backoff, and atomic JSON files in the data folder.
 * Nothing here knows a product: names, targets and folders come from the caller.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AddressInfo } from 'node:net';

/** A Lambda-style target: called with the event, its result is the function's response. */
export type TargetFunction = (event: unknown) => Promise<unknown>;

/** Where "now" comes from. The system clock in `npm start`; tests move a manual one forward. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told (tests: a reminder due in two minutes is reached by `advance`). */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function createManualClock(start = Date.now()): ManualClock {
  let t = start;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
    set(ms) {
      t = ms;
    },
  };
}

/** A clock running `factor` times faster than real time from now on (e.g. one minute in 40 ms). */
export function createAcceleratedClock(factor: number, base: Clock = systemClock): Clock {
  const t0 = base.now();
  return { now: () => t0 + (base.now() - t0) * factor };
}

export interface RetryPolicy {
  /** Attempts after the first one. */
  maxRetries: number;
  /** Delay before the first retry; doubles on each next one, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

/**
 * Calls `fn` until it resolves or the retries run out (then the last error is thrown). `stopped`
 * ends the waiting early (the service is stopping: the work stays due and runs again next start).
 */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy, stopped: () => boolean = () => false): Promise<T> {
  let delay = policy.baseDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt > policy.maxRetries || stopped()) throw err;
      await sleep(delay);
      delay = Math.min(delay * 2, policy.maxDelayMs);
      if (stopped()) throw err;
    }
  }
}

export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('Request body too large'), { tooLarge: true });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

export interface LocalHttpService {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Listens on `host` (loopback by default) and `port` (0: a free one). */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  opts: { host?: string; port?: number; name: string },
): Promise<{ server: Server; endpoint: string; port: number; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ message: `${opts.name}: ${(err as Error).message}` }), { 'content-type': 'application/json' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'EADDRINUSE' ? `${opts.name} could not start: port ${opts.port} is already in use` : err.message)),
    );
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    endpoint: `http://${host === '::' || host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Reads a JSON file, or `fallback` when it does not exist. */
export function readJsonFile<T>(path: string, fallback: T): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw err;
  }
  return JSON.parse(text) as T;
}

/** Writes a whole JSON document atomically: to `<path>.tmp`, fsynced, then renamed over `path`. */
export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 1)}\n`);
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** The ARN a local Lambda function is known by (what REMINDER_FUNCTION_ARN and targets name). */
export function lambdaArn(region: string, accountId: string, name: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${name}`;
}

/** The function name in a Lambda ARN (also accepts a qualified ARN or a bare name). */
export function functionNameOf(arn: string): string {
  const m = /^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:([^:]+)(:[^:]+)?$/.exec(arn);
  return m ? m[1]! : arn;
}
