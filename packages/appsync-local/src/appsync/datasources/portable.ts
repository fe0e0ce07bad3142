/**
 * Data sources a resolver worker runs itself (js/worker-pool.ts): a resolver run crosses to its worker
 * once, and the worker makes the run's DynamoDB calls instead of asking the runtime's process for each
 * one (docs/local-runtime.md, "One crossing per resolver run"). A data source that can be rebuilt in
 * another process describes itself (`DataSource.portable`); any other (Lambda, EventBridge, a DynamoDB
 * client with an HTTP handler of the caller's own) stays in the runtime's process, and the worker asks
 * for its calls over the channel.
 */
import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DataSource } from '../types.ts';
import type { Credentials } from './dynamodb/sigv4.ts';
import type { ConditionHandler } from './dynamodb/context.ts';
import { createDynamoDbDataSource } from './dynamodb.ts';
import { createNoneDataSource } from './none.ts';

/** Where a DynamoDB data source's calls go, as plain data. */
export interface PortableEndpoint {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
}

/** A data source as another process can rebuild it (plain data: it crosses the IPC channel). */
export type PortableSpec =
  | { type: 'NONE' }
  | {
      type: 'AMAZON_DYNAMODB';
      endpoint: PortableEndpoint;
      region: string;
      credentials: Credentials;
      maxAttempts: number;
      tableName: string;
      /** base64 */
      tokenSecret: string;
      /** A `Custom` conditional-check-failed handler exists (it runs in the runtime's process). */
      customHandler: boolean;
    };

export interface Portable {
  spec: PortableSpec;
  /** The runtime-side handler a worker's `Custom` strategy calls over the channel. */
  customHandler?: ConditionHandler;
}

type ClientConfig = {
  endpoint?: () => Promise<PortableEndpoint & { port?: number | string }>;
  region: () => Promise<string>;
  credentials?: Credentials | (() => Promise<Credentials & { expiration?: Date }>);
  maxAttempts?: () => Promise<number>;
  requestHandler?: object;
};

/**
 * The description of a DynamoDB data source over `client`, or undefined when another process could not
 * make the same calls: a client without an explicit endpoint, with credentials that expire (a worker
 * would keep them past their time), or with an HTTP handler that is not the SDK's own Node handler as
 * built (the caller's handler, or one a test hooks, lives in this process only).
 */
export async function portableDynamoDb(
  client: DynamoDBClient,
  opts: { tableName: string; tokenSecret: Buffer | string; customHandler?: ConditionHandler },
): Promise<Portable | undefined> {
  const config = client.config as unknown as ClientConfig;
  const handler = config.requestHandler;
  if (!config.endpoint || !(handler instanceof NodeHttpHandler) || Object.hasOwn(handler, 'handle')) return undefined;
  const credentials = typeof config.credentials === 'function' ? await config.credentials() : config.credentials;
  if (!credentials || ('expiration' in credentials && credentials.expiration)) return undefined;
  const e = await config.endpoint();
  const secret = typeof opts.tokenSecret === 'string' ? Buffer.from(opts.tokenSecret, 'utf8') : opts.tokenSecret;
  return {
    spec: {
      type: 'AMAZON_DYNAMODB',
      endpoint: { protocol: e.protocol, hostname: e.hostname, ...(e.port === undefined || String(e.port) === '' ? {} : { port: Number(e.port) }), path: e.path || '/' },
      region: await config.region(),
      credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}) },
      maxAttempts: Math.max(1, (await config.maxAttempts?.()) ?? 3),
      tableName: opts.tableName,
      tokenSecret: secret.toString('base64'),
      customHandler: opts.customHandler !== undefined,
    },
    ...(opts.customHandler ? { customHandler: opts.customHandler } : {}),
  };
}

/**
 * The data source `spec` describes, rebuilt in this process: DynamoDB with a keep-alive Node handler of
 * its own (as the SDK builds by default) and `customHandler` standing in for the runtime's.
 */
export function rebuildDataSource(spec: PortableSpec, customHandler?: ConditionHandler): DataSource {
  if (spec.type === 'NONE') return createNoneDataSource();
  const https = spec.endpoint.protocol === 'https:';
  const requestHandler = new NodeHttpHandler(
    https ? { httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 50 }) } : { httpAgent: new Agent({ keepAlive: true, maxSockets: 50 }) },
  );
  const config: ClientConfig = {
    endpoint: async () => spec.endpoint,
    region: async () => spec.region,
    credentials: spec.credentials,
    maxAttempts: async () => spec.maxAttempts,
    requestHandler,
  };
  return createDynamoDbDataSource({
    client: { config } as unknown as DynamoDBClient,
    tableName: spec.tableName,
    tokenSecret: Buffer.from(spec.tokenSecret, 'base64'),
    ...(spec.customHandler && customHandler ? { customHandler } : {}),
  });
}
