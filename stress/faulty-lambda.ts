/**
 * Fault injection for the Lambda side, used only by the stress stack (stress/runtime-main.ts): every
 * function of functions/manifest.ts runs through this module, which calls the real handler unless a
 * fault is armed for that function — then it throws, as a Lambda that crashed or timed out would, and
 * the caller's own retry and dead-letter behaviour (stream, EventBridge, Scheduler) is what is tested.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { lambdas } from '../functions/manifest.ts';
import { ROOT } from '../scripts/lib/project.ts';

type Handler = (event: unknown, context: { functionName: string }) => unknown;

interface Fault {
  /** Fail this many more invocations… */
  remaining: number;
  /** …or every invocation until this time (ms since the epoch). */
  until: number;
}

const faults = new Map<string, Fault>();
const counts = new Map<string, { invoked: number; failed: number }>();

export function armFault(fn: string, f: Partial<Fault>): void {
  faults.set(fn, { remaining: f.remaining ?? 0, until: f.until ?? 0 });
}

export function faultCounts(): Record<string, { invoked: number; failed: number }> {
  return Object.fromEntries(counts);
}

const real = new Map<string, Promise<Handler>>();

export async function handler(event: unknown, context: { functionName: string }): Promise<unknown> {
  const name = context.functionName;
  const c = counts.get(name) ?? { invoked: 0, failed: 0 };
  counts.set(name, c);
  c.invoked += 1;
  const f = faults.get(name);
  if (f && (f.remaining > 0 || Date.now() < f.until)) {
    if (f.remaining > 0) f.remaining -= 1;
    c.failed += 1;
    throw new Error(`stress: injected transient failure of ${name}`);
  }
  let h = real.get(name);
  if (!h) {
    const def = lambdas[name as keyof typeof lambdas];
    if (!def) throw new Error(`stress: no function ${name}`);
    h = import(pathToFileURL(join(ROOT, def.entry)).href).then((m: { handler: Handler }) => m.handler);
    real.set(name, h);
  }
  return (await h)(event, context);
}
