/**
 * Live updates through aws-amplify's GraphQL subscriptions: AppSync's real-time protocol over
 * `<graphql url>/realtime` (the local runtime serves it at the same place), so the same code runs
 * locally and on AWS. After a dropped connection comes back, `onReconnect` listeners re-query so
 * nothing missed while offline stays missing.
 */
import { generateClient, CONNECTION_STATE_CHANGE, ConnectionState } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import { ref } from 'vue';

// Typed loosely: the generated client type is deep enough to exhaust the compiler.
let client: { graphql(o: unknown): unknown } | undefined;
export const connection = ref<string>('Disconnected');
const reconnectListeners = new Set<() => void>();
let wasDisrupted = false;

export function initLive(): void {
  client = generateClient() as unknown as { graphql(o: unknown): unknown };
  Hub.listen('api', ({ payload }) => {
    if (payload.event !== CONNECTION_STATE_CHANGE) return;
    const state = (payload.data as { connectionState: string }).connectionState;
    connection.value = state;
    if (state === ConnectionState.ConnectionDisrupted || state === ConnectionState.ConnectionDisruptedPendingNetwork) wasDisrupted = true;
    if (state === ConnectionState.Connected && wasDisrupted) {
      wasDisrupted = false;
      for (const l of reconnectListeners) l();
    }
  });
}

export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/** Subscribes; returns the unsubscribe function. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, next: (data: T) => void, error?: (e: unknown) => void): () => void {
  if (!client) initLive();
  const observable = client!.graphql({ query, variables } as never) as unknown as {
    subscribe(o: { next(e: { data: T }): void; error(e: unknown): void }): { unsubscribe(): void };
  };
  const sub = observable.subscribe({ next: (e) => next(e.data), error: (e) => error?.(e) });
  return () => sub.unsubscribe();
}
