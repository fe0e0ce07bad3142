/**
 * The one way tests wait: retry a check until it passes or a generous bound runs out.
 *
 *   const mail = await eventually(async () => {
 *     const inbox = await listMail();
 *     expect(inbox).toHaveLength(1);            // throws until it holds
 *     return inbox[0];
 *   }, { timeoutMs: 20_000 });
 *
 * `fn` passes by returning (its value is handed back) and fails by throwing; the last failure is
 * rethrown when time runs out, so the test reports what was still wrong. Waits between attempts
 * grow from `intervalMs` to at most 500 ms. Bounds are generous on purpose: the suite runs on a busy
 * 2-core machine, where a check that holds "soon" may take seconds. Never use this to prove that
 * something did *not* happen; wait for an event that proves it instead.
 */
export interface EventuallyOptions {
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
  /** First pause between attempts (default 25 ms, doubling up to 500 ms). */
  intervalMs?: number;
}

export async function eventually<T>(fn: () => T | Promise<T>, opts: EventuallyOptions = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let pause = opts.intervalMs ?? 25;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() >= deadline) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(1, deadline - Date.now()))));
    pause = Math.min(pause * 2, 500);
  }
}
