/**
 * Local email: npm `aws-ses-v2-local` (SES v1 and v2 sending on their wire protocols), with its web page.
 *
 *   const ses = await startSesLocal({ port });
 *   ses.endpoint          // http://127.0.0.1:<port>  (AWS_ENDPOINT_URL_SESV2; the SDK's SESv2Client)
 *   ses.webUrl            // the same address: its page lists the mail sent
 *   await ses.emails()    // GET /store: { emails: [{ messageId, from, destination, subject, body: { text, html }, at }] }
 *
 * It keeps mail in memory (a restart empties the inbox) in one store per process: two instances in
 * one process share it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertPortFree } from '../ports.ts';

export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: unknown[];
  at: number;
}

export interface SesLocal {
  endpoint: string;
  webUrl: string;
  port: number;
  /** Mail sent so far (optionally since an epoch second). */
  emails(since?: number): Promise<StoredEmail[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSesLocal(opts: { host?: string; port?: number } = {}): Promise<SesLocal> {
  const host = opts.host ?? '127.0.0.1';
  // Port 0 (the default): the OS gives one as it binds, so no other process can take it first.
  const port = opts.port ?? 0;
  type Start = (c: { host: string; port: number }) => Promise<Server>;
  // A CommonJS module with `exports.default`: Node's ESM import nests it once more than vitest's.
  const mod = (await import('aws-ses-v2-local')) as unknown as { default: Start | { default: Start } };
  const start = typeof mod.default === 'function' ? mod.default : mod.default.default;
  // Its listen callback also runs on a listen error (Express 5), so a taken port is refused first.
  await assertPortFree(port, 'aws-ses-v2-local', ' (set SES_PORT to another port, or stop what holds it)');
  const server = await start({ host, port });
  if (!server.listening) throw new Error(`aws-ses-v2-local could not listen on ${host}:${port}`);
  const actual = (server.address() as AddressInfo).port;
  const endpoint = `http://${host}:${actual}`;
  return {
    endpoint,
    webUrl: endpoint,
    port: actual,
    async emails(since) {
      const res = await fetch(`${endpoint}/store${since === undefined ? '' : `?since=${since}`}`);
      if (!res.ok) throw new Error(`aws-ses-v2-local /store answered ${res.status}`);
      return ((await res.json()) as { emails: StoredEmail[] }).emails;
    },
    async clear() {
      await fetch(`${endpoint}/clear-store`, { method: 'POST' });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
