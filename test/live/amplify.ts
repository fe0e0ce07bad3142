/**
 * The real aws-amplify v6 client in Node against the local runtime (test/support/runtime.ts):
 *
 *   const rt = useLocalRuntime();
 *   beforeAll(() => configureAmplify(rt));          // after the runtime's own beforeAll
 *   await signInAs(rt, 'max@taskwire.local');      // USER_PASSWORD_AUTH against cognito-local
 *   const w = watch(QUERY, vars);                  // generateClient().graphql({ query }).subscribe(...)
 *   await w.until(() => w.events.length === 1);    // eventually(), a generous bound
 *
 * Amplify reads `taskwire-outputs.json`'s shape as it is (the runtime's `outputs`); the cognito-local
 * endpoint is set on the parsed config (`userPoolEndpoint`), since the outputs format has no field for
 * it. Node 20 has no global WebSocket: `ws` stands in, trusting the local CA like a browser that
 * installed it.
 */
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { signIn, signOut } from 'aws-amplify/auth';
import { parseAmplifyConfig } from 'aws-amplify/utils';
import { WebSocket } from 'ws';
import { eventually } from '../support/eventually.ts';
import type { RuntimeFixture } from '../support/runtime.ts';

export function configureAmplify(rt: RuntimeFixture): void {
  const ca = rt.runtime.caCertPem;
  (globalThis as { WebSocket?: unknown }).WebSocket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca });
    }
  };
  const config = parseAmplifyConfig(rt.runtime.outputs as never);
  Amplify.configure({
    ...config,
    Auth: { ...config.Auth, Cognito: { ...config.Auth!.Cognito, userPoolEndpoint: rt.runtime.urls.cognito } },
  } as never);
}

export async function signInAs(rt: RuntimeFixture, email: string): Promise<void> {
  await signOut().catch(() => undefined);
  const user = rt.runtime.demoUsers.find((u) => u.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  const r = await signIn({ username: email, password: user.password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  if (!r.isSignedIn) throw new Error(`sign-in of ${email} did not complete: ${JSON.stringify(r.nextStep)}`);
}

export interface Watch {
  events: any[];
  errors: any[];
  /** Settles (rejects) when Amplify reports the subscription failed or ended with an error. */
  failure: Promise<never>;
  completed: boolean;
  unsubscribe(): void;
  /** Waits (eventually(), bounded) until `pred` holds; fails with what was received so far. */
  until(pred: () => boolean, ms?: number): Promise<void>;
}

/** One Amplify subscription, its events and errors collected. `options` go to `graphql()` (authMode, authToken). */
export function watch(query: string, variables: Record<string, unknown>, options: { authMode?: 'lambda' | 'userPool'; authToken?: string } = {}): Watch {
  const events: any[] = [];
  const errors: any[] = [];
  let failed: (e: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => {
    failed = reject;
  });
  failure.catch(() => undefined);
  const w: Watch = {
    events,
    errors,
    failure,
    completed: false,
    unsubscribe: () => sub.unsubscribe(),
    async until(pred, ms = 20_000) {
      await eventually(() => {
        if (!pred()) throw new Error(`not yet; events ${JSON.stringify(events)} errors ${JSON.stringify(errors)}`);
      }, { timeoutMs: ms });
    },
  };
  const observable = generateClient().graphql({ query, variables, ...options } as never) as unknown as {
    subscribe(o: { next(e: unknown): void; error(e: unknown): void; complete(): void }): { unsubscribe(): void };
  };
  const sub = observable.subscribe({
    next: (e) => {
      events.push(e);
    },
    error: (e) => {
      errors.push(e);
      failed(e);
    },
    complete: () => {
      w.completed = true;
    },
  });
  return w;
}

/** Waits (eventually(), bounded) until the runtime has registered `n` subscriptions in all (the start_ack was sent). */
export async function registered(rt: RuntimeFixture, n: number, ms = 20_000): Promise<void> {
  await eventually(() => {
    const have = rt.runtime.realtime.stats().subscriptions;
    if (have !== n) throw new Error(`expected ${n} subscriptions, have ${have}`);
  }, { timeoutMs: ms });
}
