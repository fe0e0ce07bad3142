/**
 * A local EventBridge endpoint on the SDK's wire protocol (awsJson1.1, `X-Amz-Target: AWSEvents.<Op>`):
 * `PutEvents` onto named buses, `TestEventPattern`, and rules given as data whose targets are functions
 * (local Lambda handlers), delivered asynchronously, at least once, with retries.
 *
 *   const eb = await startLocalEventBridge({ region, accountId, buses: ['my-bus'],
 *     rules: [{ name: 'notify', eventBusName: 'my-bus', pattern: { source: ['app'] }, targets: [{ id: 'notify', fn }] }] });
 *   new EventBridgeClient({ endpoint: eb.endpoint })   // AWS_ENDPOINT_URL_EVENTBRIDGE
 *   await eb.drain();                                    // every delivery in flight has ended
 *
 * What it does and does not do is in docs/local-services.md ("EventBridge").
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, send, systemClock, withRetries, type Clock, type RetryPolicy, type TargetFunction } from './common.ts';
import { compilePattern, InvalidEventPatternError, type CompiledPattern } from './pattern.ts';

export interface EventTarget {
  id: string;
  fn: TargetFunction;
}

export interface EventRuleDef {
  name: string;
  /** Default: the first bus in `buses`. */
  eventBusName?: string;
  description?: string;
  pattern: Record<string, unknown>;
  targets: EventTarget[];
}

export interface LocalEventBridgeOptions {
  region: string;
  accountId: string;
  /** Custom buses besides `default` (which always exists). */
  buses?: string[];
  rules?: EventRuleDef[];
  host?: string;
  port?: number;
  /** Target delivery retries (EventBridge retries for up to 24 h / 185 times; locally bounded). */
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  /** A delivery that failed after its retries (EventBridge would send it to the rule's DLQ). */
  onDeliveryFailure?: (failure: { rule: string; target: string; event: EventBridgeEvent; error: unknown }) => void;
  /** How many put events `recent()` and GET /events keep. */
  keep?: number;
}

/** The envelope rules match and targets receive. */
export interface EventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

/** One PutEvents entry as the API takes it (Time: a Date, as the SDK types it). */
export interface PutEventsEntry {
  EventBusName?: string;
  Source?: string;
  DetailType?: string;
  Detail?: string;
  Resources?: string[];
  Time?: Date | number | string;
  TraceHeader?: string;
}

export interface PutEventsResultEntry {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface PutEventRecord {
  eventBusName: string;
  event: EventBridgeEvent;
  /** Rules whose pattern matched. */
  matchedRules: string[];
}

export interface LocalEventBridge {
  endpoint: string;
  port: number;
  /** PutEvents in process (what the HTTP operation runs): entry results in order, as AWS answers them. */
  putEvents(entries: PutEventsEntry[]): { Entries: PutEventsResultEntry[]; FailedEntryCount: number };
  /** Events put lately, oldest first (also GET /events). */
  recent(): PutEventRecord[];
  /** Resolves when no delivery is in flight (including retries). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** A request-level failure (awsJson error: HTTP 400 and `__type`). */
class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const MAX_ENTRIES = 10;
/** PutEvents' limit on the total entry size (256 KB). */
const MAX_TOTAL_BYTES = 256 * 1024;

/** AWS's size rule for an entry: Source, DetailType, Detail, Resources, Time (14 bytes) in UTF-8. */
function entrySize(e: PutEventsEntry): number {
  let size = e.Time !== undefined ? 14 : 0;
  for (const s of [e.Source, e.DetailType, e.Detail, ...(e.Resources ?? [])]) if (typeof s === 'string') size += Buffer.byteLength(s);
  return size;
}

function toDate(t: PutEventsEntry['Time'], clock: Clock): Date | null {
  if (t === undefined || t === null) return new Date(clock.now());
  // awsJson1.1 sends timestamps as epoch seconds.
  const d = t instanceof Date ? t : typeof t === 'number' ? new Date(t * 1000) : new Date(t);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** EventBridge's event time: ISO 8601 to the second (`2017-12-22T18:43:48Z`). */
const isoSeconds = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

const invalid = (name: string, reason = `${name} is a required argument.`): PutEventsResultEntry => ({
  ErrorCode: 'InvalidArgument',
  ErrorMessage: `Parameter ${name} is not valid. Reason: ${reason}`,
});

export async function startLocalEventBridge(opts: LocalEventBridgeOptions): Promise<LocalEventBridge> {
  const clock = opts.clock ?? systemClock;
  const retry: RetryPolicy = { maxRetries: 5, baseDelayMs: 200, maxDelayMs: 10_000, ...opts.retry };
  const buses = new Set(['default', ...(opts.buses ?? [])]);
  const defaultBus = opts.buses?.[0] ?? 'default';
  const keep = opts.keep ?? 1000;
  const busArn = (name: string) => `arn:aws:events:${opts.region}:${opts.accountId}:event-bus/${name}`;

  const rules: { def: EventRuleDef; bus: string; pattern: CompiledPattern }[] = (opts.rules ?? []).map((def) => {
    const bus = def.eventBusName ?? defaultBus;
    if (!buses.has(bus)) throw new Error(`Rule ${def.name}: event bus ${bus} does not exist`);
    try {
      return { def, bus, pattern: compilePattern(def.pattern) };
    } catch (err) {
      throw new Error(`Rule ${def.name}: ${(err as Error).message}`);
    }
  });

  const recent: PutEventRecord[] = [];
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  function deliver(rule: string, target: EventTarget, event: EventBridgeEvent): void {
    const job = (async () => {
      // Asynchronous, as on AWS: PutEvents has answered before any target runs.
      await new Promise<void>((r) => setImmediate(r));
      try {
        await withRetries(() => target.fn(structuredClone(event)), retry, () => stopped);
      } catch (error) {
        opts.onDeliveryFailure?.({ rule, target: target.id, event, error });
      }
    })();
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  }

  function putEvents(entries: PutEventsEntry[]): { Entries: PutEventsResultEntry[]; FailedEntryCount: number } {
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > MAX_ENTRIES) {
      const n = Array.isArray(entries) ? entries.length : 0;
      throw new ApiError(
        'ValidationException',
        `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${n < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ENTRIES}`}`,
      );
    }
    if (entries.reduce((sum, e) => sum + entrySize(e ?? {}), 0) > MAX_TOTAL_BYTES) {
      throw new ApiError('ValidationException', 'Total size of the entries in the request is over the limit.');
    }
    const results = entries.map((e): PutEventsResultEntry => {
      if (typeof e !== 'object' || e === null) return invalid('Entry', 'An entry must be an object.');
      if (typeof e.Source !== 'string' || e.Source === '') return invalid('Source');
      if (typeof e.DetailType !== 'string' || e.DetailType === '') return invalid('DetailType');
      if (typeof e.Detail !== 'string' || e.Detail === '') return invalid('Detail');
      let detail: unknown;
      try {
        detail = JSON.parse(e.Detail);
      } catch {
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
      }
      if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
      if (e.Resources !== undefined && (!Array.isArray(e.Resources) || e.Resources.some((r) => typeof r !== 'string'))) return invalid('Resources', 'Resources must be a list of strings.');
      const time = toDate(e.Time, clock);
      if (!time) return invalid('Time', 'Time is not a valid timestamp.');
      // EventBusName: a name or an ARN. An unknown bus is accepted and delivers nowhere, as AWS does
      // (it answers with an EventId: aws/aws-cli#9186, aws/aws-sdk#186).
      const busName = (e.EventBusName ?? 'default').replace(/^arn:aws[\w-]*:events:[^:]*:[^:]*:event-bus\//, '');
      const event: EventBridgeEvent = {
        version: '0',
        id: randomUUID(),
        'detail-type': e.DetailType,
        source: e.Source,
        account: opts.accountId,
        time: isoSeconds(time),
        region: opts.region,
        resources: e.Resources ?? [],
        detail: detail as Record<string, unknown>,
      };
      const matched = buses.has(busName) ? rules.filter((r) => r.bus === busName && r.pattern.matches(event)) : [];
      recent.push({ eventBusName: busName, event, matchedRules: matched.map((r) => r.def.name) });
      if (recent.length > keep) recent.splice(0, recent.length - keep);
      for (const r of matched) for (const t of r.def.targets) deliver(r.def.name, t, event);
      return { EventId: event.id };
    });
    return { Entries: results, FailedEntryCount: results.filter((r) => r.ErrorCode).length };
  }

  function testEventPattern(input: Record<string, unknown>): { Result: boolean } {
    if (typeof input.EventPattern !== 'string') throw new ApiError('ValidationException', "1 validation error detected: Value null at 'eventPattern' failed to satisfy constraint: Member must not be null");
    if (typeof input.Event !== 'string') throw new ApiError('ValidationException', "1 validation error detected: Value null at 'event' failed to satisfy constraint: Member must not be null");
    let pattern: CompiledPattern;
    try {
      pattern = compilePattern(input.EventPattern);
    } catch (err) {
      if (err instanceof InvalidEventPatternError) throw new ApiError('InvalidEventPatternException', err.message);
      throw err;
    }
    let event: unknown;
    try {
      event = JSON.parse(input.Event);
    } catch {
      throw new ApiError('InvalidEventPatternException', 'Event is not valid JSON.');
    }
    return { Result: pattern.matches(event) };
  }

  function describeEventBus(input: Record<string, unknown>) {
    const name = typeof input.Name === 'string' ? input.Name.replace(/^arn:.*:event-bus\//, '') : 'default';
    if (!buses.has(name)) throw new ApiError('ResourceNotFoundException', `Event bus ${name} does not exist.`);
    return { Name: name, Arn: busArn(name) };
  }

  function listRules(input: Record<string, unknown>) {
    const bus = typeof input.EventBusName === 'string' ? input.EventBusName : 'default';
    return {
      Rules: rules
        .filter((r) => r.bus === bus && (typeof input.NamePrefix !== 'string' || r.def.name.startsWith(input.NamePrefix)))
        .map((r) => ({
          Name: r.def.name,
          Arn: `arn:aws:events:${opts.region}:${opts.accountId}:rule/${r.bus === 'default' ? '' : `${r.bus}/`}${r.def.name}`,
          EventPattern: JSON.stringify(r.def.pattern),
          State: 'ENABLED',
          Description: r.def.description,
          EventBusName: r.bus,
        })),
    };
  }

  const operations: Record<string, (input: Record<string, unknown>) => unknown> = {
    PutEvents: (input) => putEvents(input.Entries as PutEventsEntry[]),
    TestEventPattern: testEventPattern,
    DescribeEventBus: describeEventBus,
    ListRules: listRules,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const json = (status: number, body: unknown, type?: string) =>
      send(res, status, JSON.stringify(body), {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': randomUUID(),
        ...(type ? { 'x-amzn-errortype': type } : {}),
      });
    if (req.method === 'GET' && (req.url === '/events' || req.url?.startsWith('/events?'))) {
      send(res, 200, JSON.stringify({ events: recent }, null, 1), { 'content-type': 'application/json' });
      return;
    }
    const target = String(req.headers['x-amz-target'] ?? '');
    const op = target.startsWith('AWSEvents.') ? target.slice('AWSEvents.'.length) : '';
    if (req.method !== 'POST' || !op) {
      json(400, { __type: 'UnknownOperationException', message: 'Missing or unknown X-Amz-Target' }, 'UnknownOperationException');
      return;
    }
    const fn = operations[op];
    if (!fn) {
      json(400, { __type: 'UnknownOperationException', message: `The local EventBridge does not support ${op}` }, 'UnknownOperationException');
      return;
    }
    let input: Record<string, unknown>;
    try {
      input = JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      json(400, { __type: 'SerializationException', message: 'Request body is not valid JSON' }, 'SerializationException');
      return;
    }
    try {
      json(200, fn(input));
    } catch (err) {
      if (err instanceof ApiError) json(err.status, { __type: err.type, message: err.message }, err.type);
      else throw err;
    }
  }

  const http = await listen(handle, { host: opts.host, port: opts.port, name: 'The local EventBridge' });
  const drain = async () => {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
  };
  return {
    endpoint: http.endpoint,
    port: http.port,
    putEvents,
    recent: () => [...recent],
    drain,
    async stop() {
      await http.close();
      stopped = true;
      await drain();
    },
  };
}
