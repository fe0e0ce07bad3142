/**
 * The DynamoDB data source's calls to DynamoDB: real SigV4-signed HTTP requests in DynamoDB's JSON
 * protocol (`POST /`, `X-Amz-Target: DynamoDB_20120810.<Operation>`, `application/x-amz-json-1.0`),
 * made here instead of through the SDK client's `send`, and sent with the client's own HTTP handler.
 *
 * Why: the SDK's per-call middleware stack (schema serde, endpoint rules, user agent, retry, logger
 * filters) was about a quarter of the runtime's CPU per request (docs/local-runtime.md, "Performance:
 * what a request costs, and where").
 * The request objects are already in DynamoDB's own JSON shape, so this module writes them as JSON,
 * signs them (sigv4.ts: the SDK signer's headers, made cheaply) and hands them to the client's
 * `requestHandler` (the SDK's keep-alive Node handler, or whatever the caller configured).
 * Endpoint, region, credentials, HTTP handler and number of attempts are the caller's DynamoDBClient's,
 * so the data source is configured exactly as before.
 *
 * What the SDK did that callers relied on is kept: a service's error answer becomes an error named
 * after its exception (`ConditionalCheckFailedException`, …) with the service's message, its other
 * members (`CancellationReasons`, `Item`) and `$metadata` (datasources/errors.ts types such errors
 * `DynamoDB:<name>`); transient failures (throttling, 5xx, a reset keep-alive connection) are retried
 * with the SDK's classification and backoff. Results are DynamoDB's JSON as sent, with one difference
 * from the SDK: binary values (`B`, `BS`) stay base64 strings (values.ts reads both forms).
 */
import type { Readable } from 'node:stream';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SigV4Signer, type CredentialsProvider } from './sigv4.ts';

/** A DynamoDB exception, as the SDK would have thrown it (name, message, members, `$metadata`). */
export class DynamoDbServiceError extends Error {
  readonly $metadata: { httpStatusCode: number; requestId?: string; attempts: number };
  readonly $fault: 'client' | 'server';
  /** TransactionCanceledException's reasons (items as DynamoDB JSON). */
  readonly CancellationReasons?: unknown[];
  /** ConditionalCheckFailedException with ReturnValuesOnConditionCheckFailure: the current item. */
  readonly Item?: unknown;

  constructor(name: string, message: string, status: number, requestId: string | undefined, attempts: number, members: Record<string, unknown>) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status, requestId, attempts };
    this.$fault = status >= 500 ? 'server' : 'client';
    if (members.CancellationReasons !== undefined) this.CancellationReasons = members.CancellationReasons as unknown[];
    if (members.Item !== undefined) this.Item = members.Item;
  }
}

/** True when `err` is DynamoDB's answer `name` (the SDK's `instanceof <Name>Exception`). */
export function isServiceError(err: unknown, name: string): err is DynamoDbServiceError {
  return err instanceof DynamoDbServiceError && err.name === name;
}

// The SDK's retry classification (@smithy/service-error-classification).
const THROTTLING = new Set([
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'LimitExceededException', 'PriorSessionExpired',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException',
  'SlowDown', 'ThrottledException', 'Throttling', 'ThrottlingException', 'TooManyRequestsException',
  'TransactionInProgressException',
]);
const TRANSIENT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
/** The SDK's standard backoff: full jitter on 100 ms × 2^attempt, at most 20 s. */
const backoffMs = (attempt: number) => Math.random() * Math.min(20_000, 100 * 2 ** attempt);

function retryable(err: unknown): boolean {
  if (err instanceof DynamoDbServiceError) {
    return THROTTLING.has(err.name) || TRANSIENT.has(err.name) || TRANSIENT_STATUS.has(err.$metadata.httpStatusCode);
  }
  return NETWORK.has((err as NodeJS.ErrnoException)?.code ?? '');
}

/** Binary values (Uint8Array, as request objects are read: values.ts) go to DynamoDB as base64. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') : value;
}

type Headers = Record<string, string | undefined>;

/** The part of the SDK's HttpHandler used here (`client.config.requestHandler`). */
interface RequestHandler {
  handle(request: unknown, options?: object): Promise<{ response: { statusCode: number; headers: Headers; body?: unknown } }>;
}

interface Target {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  host: string;
  region: string;
  maxAttempts: number;
  signer: SigV4Signer;
  handler: RequestHandler;
}

/** A response body as the Node handler gives it (a stream), as text. */
async function readBody(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export interface DynamoDbWire {
  /** One operation (`GetItem`, `Query`, …) with its input as the SDK's command input; its output. */
  call<T = Record<string, unknown>>(operation: string, input: object): Promise<T>;
  region(): Promise<string>;
}

export function createDynamoDbWire(client: DynamoDBClient): DynamoDbWire {
  let target: Promise<Target> | undefined;
  const resolve = (): Promise<Target> =>
    (target ??= (async () => {
      const config = client.config as DynamoDBClient['config'] & { maxAttempts?: () => Promise<number>; requestHandler?: RequestHandler };
      if (!config.endpoint || typeof config.requestHandler?.handle !== 'function') {
        throw new Error('The DynamoDB data source needs a client with an explicit endpoint (createLocalDynamoDbClient)');
      }
      const endpoint = await config.endpoint();
      const region = await config.region();
      const https = endpoint.protocol === 'https:';
      const port = endpoint.port === undefined ? undefined : Number(endpoint.port);
      return {
        protocol: endpoint.protocol,
        hostname: endpoint.hostname,
        port,
        path: endpoint.path || '/',
        host: port === undefined || port === (https ? 443 : 80) ? endpoint.hostname : `${endpoint.hostname}:${port}`,
        region,
        maxAttempts: Math.max(1, (await config.maxAttempts?.()) ?? 3),
        signer: new SigV4Signer(region, 'dynamodb', config.credentials as CredentialsProvider, endpoint.path || '/'),
        handler: config.requestHandler,
      };
    })().catch((err) => {
      target = undefined;
      throw err;
    }));

  async function attempt(t: Target, operation: string, body: string, attempts: number): Promise<unknown> {
    const headers = await t.signer.sign(
      {
        host: t.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${operation}`,
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    );
    const { response } = await t.handler.handle({ method: 'POST', protocol: t.protocol, hostname: t.hostname, port: t.port, path: t.path, query: {}, headers, body });
    const text = await readBody(response.body);
    if (response.statusCode >= 200 && response.statusCode < 300) return text === '' ? {} : JSON.parse(text);
    throw serviceError(response.statusCode, response.headers, text, attempts);
  }

  return {
    async call<T>(operation: string, input: object): Promise<T> {
      const t = await resolve();
      const body = JSON.stringify(input, replacer);
      for (let n = 1; ; n++) {
        try {
          return (await attempt(t, operation, body, n)) as T;
        } catch (err) {
          if (n >= t.maxAttempts || !retryable(err)) throw err;
          await new Promise((r) => setTimeout(r, backoffMs(n)));
        }
      }
    },
    async region() {
      return (await resolve()).region;
    },
  };
}

/** DynamoDB's error answer as the SDK reads it (awsJson1_0: the code's part after `#`, before `:`). */
function serviceError(status: number, headers: Headers, text: string, attempts: number): DynamoDbServiceError {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    /* not JSON: the status names it */
  }
  const header = headers['x-amzn-errortype'];
  const raw = (typeof header === 'string' && header) || (body.__type as string | undefined) || (body.code as string | undefined) || (body.Code as string | undefined) || String(status);
  let code = String(raw);
  if (code.includes(':')) code = code.split(':')[0]!;
  if (code.includes('#')) code = code.split('#')[1]!;
  const message = (body.message ?? body.Message ?? 'UnknownError') as string;
  const requestId = headers['x-amzn-requestid'];
  return new DynamoDbServiceError(code, String(message), status, typeof requestId === 'string' ? requestId : undefined, attempts, body);
}
