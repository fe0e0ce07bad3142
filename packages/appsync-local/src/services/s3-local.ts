/**
 * The local S3-compatible server for attachments (npm `s3rver`), so the `attachments` and `workers`
 * functions run unchanged with the real SDK (`AWS_ENDPOINT_URL_S3` points them here).
 *
 *   const s3 = await startS3Local({ dataDir, bucket: 'taskwire-attachments-local' });
 *   s3.endpoint   // http://localhost:<port>   (path-style: <endpoint>/<bucket>/<key>)
 *   await s3.stop();
 *
 * - Port: the given one, else whatever port the OS gives (listening on 0, so no other process can take it first). Objects are kept in `dataDir` (a folder: bytes survive restarts).
 * - The bucket is created idempotently (an existing bucket and its objects are kept) with a CORS rule
 *   for the browser client: GET/HEAD/PUT/POST from the allowed origins, any request header, ETag exposed.
 * - Credentials: s3rver looks the request's access key id up in its own registry (it knows only
 *   S3RVER/S3RVER); the ones the functions sign with are registered too, so any configured pair works.
 *   s3rver does NOT verify SigV4 signatures, POST policies or expiry: tests check URL scoping by
 *   reading the signed policy and URL, not by expecting s3rver to refuse.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import S3rver from 's3rver';

export interface S3LocalOptions {
  /** Folder for buckets and objects (created when missing). */
  dataDir: string;
  /** The attachments bucket to create. */
  bucket: string;
  /** Port to listen on; omitted or 0: one the OS gives. */
  port?: number;
  /** Origins the browser client uses (default `*`). */
  allowedOrigins?: string[];
  /** Access key pairs the functions sign with (in addition to s3rver's own S3RVER/S3RVER). */
  credentials?: { accessKeyId: string; secretAccessKey: string }[];
}

export interface S3Local {
  endpoint: string;
  port: number;
  bucket: string;
  stop(): Promise<void>;
}

export function corsConfiguration(origins: string[]): string {
  const rule = [
    ...origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`),
    ...['GET', 'HEAD', 'PUT', 'POST'].map((m) => `<AllowedMethod>${m}</AllowedMethod>`),
    '<AllowedHeader>*</AllowedHeader>',
    '<ExposeHeader>ETag</ExposeHeader>',
    '<MaxAgeSeconds>3000</MaxAgeSeconds>',
  ].join('');
  return `<CORSConfiguration><CORSRule>${rule}</CORSRule></CORSConfiguration>`;
}

interface AccountRegistry {
  registry: Map<string, { accessKeys: Map<string, string> }>;
  DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
}

/** Registers key pairs with s3rver's (process-wide) account registry. */
function registerCredentials(pairs: { accessKeyId: string; secretAccessKey: string }[]): void {
  const require = createRequire(import.meta.url);
  const accounts = require('s3rver/lib/models/account') as AccountRegistry;
  for (const { accessKeyId, secretAccessKey } of pairs) {
    if (!accounts.registry.has(accessKeyId)) accounts.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  }
}

export async function startS3Local(opts: S3LocalOptions): Promise<S3Local> {
  mkdirSync(opts.dataDir, { recursive: true });
  registerCredentials(opts.credentials ?? []);
  const server = new S3rver({
    address: 'localhost',
    port: opts.port ?? 0,
    directory: opts.dataDir,
    silent: true,
    // Path-style only: `<bucket>.localhost` does not resolve everywhere.
    vhostBuckets: false,
    // s3rver keeps an existing bucket (and its objects); only the CORS configuration is rewritten.
    configureBuckets: [{ name: opts.bucket, configs: [corsConfiguration(opts.allowedOrigins ?? ['*'])] }],
  });
  const address = (await server.run()) as { port: number };
  let stopped = false;
  return {
    endpoint: `http://localhost:${address.port}`,
    port: address.port,
    bucket: opts.bucket,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
  };
}
