/**
 * Serves the built web client (client/dist) for `npm start`: static files, index.html for every other
 * path (the client's routes), and `/taskwire-outputs.json` from the running runtime, so the same build
 * works locally and deployed (on AWS the deployment puts its own outputs file next to index.html).
 * The build is made on first start when client/dist is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLIENT_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DIST_DIR = join(CLIENT_DIR, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/** Builds client/dist with Vite unless it is there (or `force`). Throws with Vite's output on failure. */
export function ensureClientBuild(log: (line: string) => void = () => undefined, force = false): void {
  if (!force && existsSync(join(DIST_DIR, 'index.html'))) return;
  log('Web client       building client/dist (first start)…');
  const vite = join(CLIENT_DIR, '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: CLIENT_DIR, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the web client did not build: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-5).join(' ')}`);
}

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(opts: { port: number; host: string; outputs: () => unknown; distDir?: string }): Promise<WebServer> {
  const dist = opts.distDir ?? DIST_DIR;
  // Read per request: a rebuild (npm run build -w client) shows on the next reload.
  const index = () => readFileSync(join(dist, 'index.html'));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/taskwire-outputs.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(opts.outputs()));
      return;
    }
    const file = normalize(join(dist, path));
    if (file.startsWith(dist) && path !== '/' && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
      return;
    }
    if (path.startsWith('/assets/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' }).end(req.method === 'HEAD' ? undefined : index());
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => ok());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}
