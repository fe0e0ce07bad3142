/** util.http.copyHeaders / addResponseHeader(s) (http-helpers-in-utils-http-js). */
import { AppSyncJsRuntimeError } from '../errors.ts';

/** Hop-by-hop and AppSync-managed headers that copyHeaders leaves out. */
const RESTRICTED = new Set([
  'authorization', 'connection', 'content-length', 'cookie', 'expect', 'host', 'keep-alive', 'proxy-authenticate',
  'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via', 'x-api-key', 'x-forwarded-for',
  'x-forwarded-proto', 'x-forwarded-port', 'x-amzn-trace-id', 'x-amz-date', 'x-amz-security-token',
  'x-amz-content-sha256',
]);

export function copyHeaders(headers: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!headers || typeof headers !== 'object') return out;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (!RESTRICTED.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

const MAX_HEADER_BYTES = 4096;

/** Validates and records a custom response header; the last definition of a name wins. */
export function addResponseHeader(headers: Record<string, string>, name: unknown, value: unknown): void {
  if (typeof name !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new AppSyncJsRuntimeError(`Invalid response header name ${JSON.stringify(name)}`);
  }
  const lower = name.toLowerCase();
  if (lower.startsWith('x-amzn-') || lower.startsWith('x-amz-') || RESTRICTED.has(lower) || lower === 'content-type') {
    throw new AppSyncJsRuntimeError(`Response header ${name} is restricted`);
  }
  headers[name] = typeof value === 'string' ? value : JSON.stringify(value);
  const size = Object.entries(headers).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  if (size > MAX_HEADER_BYTES) throw new AppSyncJsRuntimeError('Custom response headers exceed the 4 KB limit');
}
