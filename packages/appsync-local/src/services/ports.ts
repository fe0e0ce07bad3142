/**
 * Ports for the local services. Servers running in this process listen on port 0 and read back the
 * port they got; `freePort` is for what must be told a port up front (a child process such as
 * DynamoDB Local), whose start is retried on another port if the picked one was taken meanwhile.
 */
import { createServer } from 'node:net';

/** A port the OS just reported free on `host` (another process may still take it before it is used). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The one-line refusal when a port is taken; `code` lets a caller that picked the port try another. */
export class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';
  constructor(
    readonly port: number,
    what: string,
    hint = '',
  ) {
    super(`${what} could not start: port ${port} is already in use${hint}`);
  }
}

/**
 * Fails with a one-line message (`<what> could not start: port N is already in use`) when `port` is
 * taken. Port 0 (any free one, given as the server binds) is never taken.
 */
export function assertPortFree(port: number, what: string, hint = ''): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolveFree, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new PortInUseError(port, what, hint)
          : new Error(`${what} could not start: port ${port} is not usable (${err.code ?? err.message})`),
      ),
    );
    server.listen(port, () => server.close(() => resolveFree()));
  });
}
