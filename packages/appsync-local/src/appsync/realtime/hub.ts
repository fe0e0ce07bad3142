/**
 * The subscription registry and fan-out (docs/local-runtime.md, "Subscriptions").
 *
 * Subscriptions are indexed by mutation field, and inside that by one equality every matching payload
 * must satisfy (the first scalar argument, or an `eq` of a single-group enhanced filter): a publication
 * looks at the buckets its own values select plus the subscriptions that have no such equality, so
 * the work done is proportional to the subscriptions that can match, not to all of them. Each distinct
 * subscriber plan (selection set + field-level auth) is shaped and serialized once per publication.
 */
import type { InvalidationRequest, MutationPublication, PreparedSubscription, SubscriptionHub } from '../types.ts';
import { argumentsMatch, equalityKey, filterMatches, indexKey, valueAt } from './filter.ts';
import { shapePayload, type Plan } from './shape.ts';

/** Where a subscription's frames go (one WebSocket connection). */
export interface SubscriberSink {
  /** Sends one text frame. */
  send(frame: string): void;
  /** Ends a subscription because an invalidation matched it (the connection decides the frames). */
  invalidated(id: string): void;
}

export interface Subscriber {
  sink: SubscriberSink;
  id: string;
  prepared: PreparedSubscription;
  plan: Plan;
  /** Equal keys ⇔ equal payloads for the same result. */
  planKey: string;
}

interface MutationIndex {
  /** fieldName → value key → subscribers. */
  byField: Map<string, Map<string, Set<Subscriber>>>;
  /** Subscribers without a usable equality. */
  rest: Set<Subscriber>;
}

export interface HubLog {
  (level: 'info' | 'warn' | 'error', message: string, details?: Record<string, unknown>): void;
}

export interface Hub extends SubscriptionHub {
  add(sub: Subscriber): void;
  remove(sub: Subscriber): void;
  /** How many subscriptions are registered (all connections). */
  size(): number;
}

export interface HubOptions {
  /** AppSync's limit on one subscription payload (240 KB); larger payloads are dropped, as on AWS. */
  maxPayloadBytes?: number;
  log?: HubLog;
}

export const defaultLog: HubLog = (level, message, details) => {
  if (level === 'info') return;
  console.warn(`[realtime] ${message}`, details ?? '');
};

/**
 * The hub comes first: the app publishes each mutation to it and the real-time server registers its
 * subscribers on it (each with a plan compiled against the app's schema).
 */
export function createHub(options: HubOptions = {}): Hub {
  const opts = { maxPayloadBytes: options.maxPayloadBytes ?? 240 * 1024, log: options.log ?? defaultLog };
  const byMutation = new Map<string, MutationIndex>();
  /** subscriptionField → subscribers that set an invalidation filter. */
  const invalidatable = new Map<string, Set<Subscriber>>();
  /** Where each subscriber was filed, to remove it in O(1). */
  const placement = new Map<Subscriber, { mutation: string; set: Set<Subscriber> }[]>();
  let count = 0;

  function indexFor(mutation: string): MutationIndex {
    let idx = byMutation.get(mutation);
    if (!idx) {
      idx = { byField: new Map(), rest: new Set() };
      byMutation.set(mutation, idx);
    }
    return idx;
  }

  return {
    add(sub) {
      const places: { mutation: string; set: Set<Subscriber> }[] = [];
      const eq = equalityKey(sub.prepared.filter, sub.prepared.arguments);
      for (const mutation of new Set(sub.prepared.mutations)) {
        const idx = indexFor(mutation);
        let set: Set<Subscriber>;
        if (eq) {
          let buckets = idx.byField.get(eq.fieldName);
          if (!buckets) {
            buckets = new Map();
            idx.byField.set(eq.fieldName, buckets);
          }
          const key = indexKey(eq.value);
          set = buckets.get(key) ?? new Set();
          buckets.set(key, set);
        } else {
          set = idx.rest;
        }
        set.add(sub);
        places.push({ mutation, set });
      }
      if (sub.prepared.invalidationFilter) {
        const field = sub.prepared.subscriptionField;
        const set = invalidatable.get(field) ?? new Set();
        invalidatable.set(field, set);
        set.add(sub);
      }
      placement.set(sub, places);
      count += 1;
    },

    remove(sub) {
      const places = placement.get(sub);
      if (!places) return;
      for (const { set } of places) set.delete(sub);
      invalidatable.get(sub.prepared.subscriptionField)?.delete(sub);
      placement.delete(sub);
      count -= 1;
    },

    size: () => count,

    publish(publication: MutationPublication) {
      const idx = byMutation.get(publication.mutationField);
      if (!idx) return;
      const result = publication.result;
      // A mutation that returned null (or a list: "top-level list payloads are ignored") notifies nobody.
      if (result === null || typeof result !== 'object' || Array.isArray(result)) return;

      const candidates: Iterable<Subscriber>[] = [idx.rest];
      for (const [fieldName, buckets] of idx.byField) {
        const value = valueAt(result, fieldName);
        if (value === undefined) continue;
        const bucket = buckets.get(indexKey(value));
        if (bucket) candidates.push(bucket);
      }

      const serialized = new Map<string, string | null>();
      for (const group of candidates) {
        for (const sub of [...group]) {
          const { filter, arguments: args } = sub.prepared;
          const matches = filter ? filterMatches(filter, result) : argumentsMatch(args, result);
          if (!matches) continue;
          let body = serialized.get(sub.planKey);
          if (body === undefined) {
            body = JSON.stringify(shapePayload(sub.plan, result));
            const bytes = Buffer.byteLength(body, 'utf8');
            if (bytes > opts.maxPayloadBytes) {
              // AppSync drops such events without telling the subscriber (aws-appsync-community#33).
              opts.log('warn', 'subscription payload over the size limit was not delivered', {
                mutationField: publication.mutationField,
                subscriptionField: sub.prepared.subscriptionField,
                bytes,
                limit: opts.maxPayloadBytes,
              });
              body = null;
            }
            serialized.set(sub.planKey, body);
          }
          if (body === null) continue;
          sub.sink.send(`{"type":"data","id":${JSON.stringify(sub.id)},"payload":${body}}`);
        }
      }
    },

    invalidate(request: InvalidationRequest) {
      const set = invalidatable.get(request.subscriptionField);
      if (!set) return;
      for (const sub of [...set]) {
        const filter = sub.prepared.invalidationFilter;
        if (filter && filterMatches(filter, request.payload)) sub.sink.invalidated(sub.id);
      }
    },
  };
}
