/**
 * The credentials a real-time client sends, as headers: on the upgrade request (the `header` query
 * parameter, the `header-…` subprotocol, or the request's own headers) and in each `start`
 * (`extensions.authorization`).
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHeaders } from '../types.ts';

export type Headers = RequestHeaders;

/**
 * Header values from client JSON (the connection's `header`, a start's `extensions.authorization`):
 * strings as sent, numbers and booleans as text; nulls, objects and arrays are left out, as no header
 * could carry them (the authenticator only ever sees strings).
 */
export function headerValues(json: unknown): Headers | null {
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

/** Headers as the subscription resolver sees them (`ctx.request.headers`): lower-case names, no unset ones. */
export function definedHeaders(headers: Headers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}
