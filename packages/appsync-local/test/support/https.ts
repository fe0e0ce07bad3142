/**
 * Requests to a local AppSync over TLS, trusting the runtime's CA (an `Agent` built with it): the
 * `fetch` and `post` of every runtime fixture (this package's `useLocalRuntime`, and any project's own
 * fixture that starts the runtime its way).
 *
 *   const { fetch, post } = httpsRequests(server.port, new Agent({ ca: caCertPem }));
 *   await post({ query }, token);                 // POST /graphql, JSON in and out
 *   await fetch('/graphql', { method: 'GET' });  // anything else, the body as text
 */
import { request, type Agent } from 'node:https';

export interface HttpsInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpsRequests {
  /** A raw HTTPS request to the local AppSync (POST unless `method` says otherwise). */
  fetch(path: string, init: HttpsInit): Promise<HttpsResponse>;
  /** POST /graphql with a JSON body (and an Authorization header when given). */
  post(payload: unknown, authorization?: string): Promise<{ status: number; json: unknown }>;
}

export function httpsRequests(port: number, agent: Agent): HttpsRequests {
  const fetch = (path: string, init: HttpsInit) =>
    new Promise<HttpsResponse>((resolve, reject) => {
      const req = request({ host: 'localhost', port, path, method: init.method ?? 'POST', headers: init.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(init.body);
    });
  return {
    fetch,
    async post(payload: unknown, authorization?: string) {
      const res = await fetch('/graphql', {
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(payload),
      });
      return { status: res.status, json: JSON.parse(res.body) as unknown };
    },
  };
}
