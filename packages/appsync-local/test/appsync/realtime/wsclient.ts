/**
 * A raw `graphql-ws` (AppSync flavour) test client: every frame the server sends is queued, and
 * `next()` waits for the next one matching a predicate: woken by each frame, not by polling, with a
 * generous bound (a busy 2-core machine may take seconds to deliver).
 */
import { WebSocket, type ClientOptions } from 'ws';

export interface Frame {
  type: string;
  id?: string;
  payload?: any;
}

export class RawClient {
  readonly frames: Frame[] = [];
  private cursor = 0;
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;
  readonly ws: WebSocket;
  readonly opened: Promise<void>;

  constructor(url: string, protocols: string[] = ['graphql-ws'], options: ClientOptions = {}) {
    this.ws = new WebSocket(url, protocols, options);
    this.ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
      this.wake();
    });
    this.ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  send(obj: unknown): void {
    this.ws.send(typeof obj === 'string' ? obj : JSON.stringify(obj));
  }

  /** The next unread frame matching `match` (frames before it that do not match are skipped over but kept). */
  async next(match: (f: Frame) => boolean = () => true, timeoutMs = 20_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = this.cursor; i < this.frames.length; i += 1) {
        const f = this.frames[i]!;
        if (match(f)) {
          this.cursor = i + 1;
          return f;
        }
      }
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) while waiting; frames: ${JSON.stringify(this.frames)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame within ${timeoutMs} ms; frames: ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Frames of a type received so far. */
  all(type: string, id?: string): Frame[] {
    return this.frames.filter((f) => f.type === type && (id === undefined || f.id === id));
  }

  /** Resolves when the socket closes (woken by the close event), or fails after `timeoutMs`. */
  async waitClosed(timeoutMs = 20_000): Promise<{ code: number; reason: string }> {
    if (this.closed) return this.closed;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`socket not closed within ${timeoutMs} ms`)), timeoutMs);
      const onClose = () => {
        clearTimeout(t);
        resolve();
      };
      this.ws.once('close', onClose);
    });
    return this.closed!;
  }

  /** connection_init, then the ack. */
  async init(): Promise<Frame> {
    await this.opened;
    this.send({ type: 'connection_init' });
    return this.next((f) => f.type === 'connection_ack' || f.type === 'connection_error');
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }
}

export const b64 = (obj: unknown): string => Buffer.from(JSON.stringify(obj)).toString('base64');
export const b64url = (obj: unknown): string => Buffer.from(JSON.stringify(obj)).toString('base64url');
