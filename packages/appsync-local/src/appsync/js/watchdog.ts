/**
 * The watchdog of a resolver worker (worker.ts): a thread of the worker's process that watches the
 * handler the worker's main thread is running, through shared memory, every WATCH_EVERY_MS:
 * - a handler running longer than the stall time: `S <job>` on the pipe to the pool (fd 4), and `U`
 *   once it has ended, so that the pool sends no new work meanwhile and takes back what it can
 *   (worker-pool.ts);
 * - a handler running past its time limit plus the grace (the sandbox stops plain JS loops at the limit
 *   itself; this catches code stuck in a native call): the marker file says `T <job> <handler>`, and
 *   the thread ends the process. The pool answers that job with AppSync's timeout error.
 * The main thread writes `R <job> <handler>` to the marker file before each handler and `I` after it,
 * so that a process V8 aborted on an exhausted heap names the job that was running.
 */

/** Float64 slots: [0] when the running handler started (0: none), [1] its job, [2] 0 request / 1
 * response, [3] its time limit (epoch ms), [4] a count of handlers started. */
export const WATCH_SLOTS = 5;
export const WATCH_EVERY_MS = 10;
/** The marker file's one record, space-padded. */
export const MARKER_BYTES = 48;

export type MarkerState = 'I' | 'R' | 'T';

export function marker(state: MarkerState, job: number, handler: 'request' | 'response'): string {
  return `${state} ${job} ${handler}`.padEnd(MARKER_BYTES, ' ');
}

export function parseMarker(text: string): { state: MarkerState; job: number; handler: 'request' | 'response' } | undefined {
  const m = /^([IRT]) (\d+) (request|response)/.exec(text);
  return m ? { state: m[1] as MarkerState, job: Number(m[2]), handler: m[3] as 'request' | 'response' } : undefined;
}

/** The thread's code (CommonJS, run with `eval: true`: the worker's loader does not reach threads). */
export const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { shared, fd, markerFd, graceMs, stallMs } = workerData;
const w = new Float64Array(shared);
const MARKER_BYTES = ${MARKER_BYTES};
const tell = (line) => { try { writeSync(fd, line); } catch {} };
let stalled = -1;
setInterval(() => {
  const start = w[0];
  const count = w[4];
  if (stalled !== -1 && (start === 0 || count !== stalled)) { tell('U\\n'); stalled = -1; }
  if (start === 0) return;
  const job = w[1], handler = w[2] === 0 ? 'request' : 'response', limit = w[3];
  if (w[0] !== start || w[4] !== count) return;
  const now = Date.now();
  if (stalled === -1 && now - start >= stallMs) { tell('S ' + job + '\\n'); stalled = count; }
  if (now > limit + graceMs) {
    writeSync(markerFd, Buffer.from(('T ' + job + ' ' + handler).padEnd(MARKER_BYTES, ' ')), 0, MARKER_BYTES, 0);
    process.kill(process.pid, 'SIGKILL');
  }
}, ${WATCH_EVERY_MS});
`;
