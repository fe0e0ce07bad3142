/**
 * The AMAZON_EVENTBRIDGE data source: `{operation: 'PutEvents', events: [{source, detail, detailType,
 * resources?, time?}]}` → `{Entries: [{EventId} | {ErrorCode, ErrorMessage}], FailedEntryCount}`.
 * Entries are validated as EventBridge's PutEvents validates them (1 to 10 entries; Source, DetailType
 * and a JSON-object Detail required; Time RFC 3339): a request-level problem is an error, an invalid
 * entry fails alone, in its slot. Valid entries go to an EventSink (the local bus implements it too).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from '../types.ts';
import { DataSourceFailure, invalidRequest, isRecord, missingField, settle } from './errors.ts';

/** One PutEvents entry, in the EventBridge API's shape. */
export interface EventBridgeEntry {
  EventBusName: string;
  Source: string;
  DetailType: string;
  /** JSON text, as in the API. */
  Detail: string;
  Resources: string[];
  Time: Date;
}

export interface PutEventsResultEntry {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

/** Receives validated entries; answers one result per entry, in order. */
export interface EventSink {
  putEvents(entries: EventBridgeEntry[]): Promise<PutEventsResultEntry[]>;
}

export interface RecordedEvent {
  id: string;
  entry: EventBridgeEntry;
}

/** An in-memory sink that accepts everything and keeps what it received (tests; the runtime puts on the local bus). */
export function createRecordingEventSink(): EventSink & { events: RecordedEvent[] } {
  const events: RecordedEvent[] = [];
  return {
    events,
    async putEvents(entries) {
      return entries.map((entry) => {
        const id = randomUUID();
        events.push({ id, entry });
        return { EventId: id };
      });
    },
  };
}

export const MAX_ENTRIES = 10;

type Checked = { entry: EventBridgeEntry } | { error: Required<Pick<PutEventsResultEntry, 'ErrorCode' | 'ErrorMessage'>> };

const required = (name: string): Checked => ({
  error: { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${name} is not valid. Reason: ${name} is a required argument.` },
});

/** RFC 3339 date-time (what EventBridge accepts for Time). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function checkEntry(e: unknown, eventBusName: string): Checked {
  if (!isRecord(e)) return { error: { ErrorCode: 'InvalidArgument', ErrorMessage: 'An entry must be an object.' } };
  if (typeof e.source !== 'string' || !e.source) return required('Source');
  if (typeof e.detailType !== 'string' || !e.detailType) return required('DetailType');
  if (e.detail === undefined || e.detail === null) return required('Detail');
  if (!isRecord(e.detail)) return { error: { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' } };
  let resources: string[] = [];
  if (e.resources !== undefined && e.resources !== null) {
    if (!Array.isArray(e.resources) || e.resources.some((r) => typeof r !== 'string')) {
      return { error: { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Resources is not valid.' } };
    }
    resources = e.resources as string[];
  }
  let time = new Date();
  if (e.time !== undefined && e.time !== null) {
    if (typeof e.time !== 'string' || !RFC3339.test(e.time) || Number.isNaN(Date.parse(e.time))) {
      return { error: { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Time is not valid.' } };
    }
    time = new Date(e.time);
  }
  return {
    entry: {
      EventBusName: eventBusName,
      Source: e.source,
      DetailType: e.detailType,
      Detail: JSON.stringify(e.detail),
      Resources: resources,
      Time: time,
    },
  };
}

export function createEventBridgeDataSource(opts: { sink: EventSink; eventBusName?: string }): DataSource {
  const eventBusName = opts.eventBusName ?? 'default';
  return {
    type: 'AMAZON_EVENTBRIDGE',
    invoke: (call) =>
      settle('EventBridge', async () => {
        const req = call.request;
        if (!isRecord(req)) throw invalidRequest('The request handler must return an object with an operation');
        if (req.operation !== 'PutEvents') {
          throw invalidRequest(`Unsupported operation '${String(req.operation)}'. EventBridge supports PutEvents.`);
        }
        if (req.events === undefined || req.events === null) throw missingField('events');
        if (!Array.isArray(req.events)) throw invalidRequest("'events' must be an array");
        // The API's own validation errors (AppSync passes the service's exception through).
        if (req.events.length < 1 || req.events.length > MAX_ENTRIES) {
          throw new DataSourceFailure(
            'EventBridge:ValidationException',
            `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${
              req.events.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ENTRIES}`
            }`,
          );
        }
        const checked = req.events.map((e) => checkEntry(e, eventBusName));
        const valid = checked.flatMap((c) => ('entry' in c ? [c.entry] : []));
        const answers = valid.length ? await opts.sink.putEvents(valid) : [];
        let next = 0;
        const Entries = checked.map((c) => ('entry' in c ? (answers[next++] ?? {}) : c.error));
        const FailedEntryCount = Entries.filter((e) => e.ErrorCode).length;
        return { result: { Entries, FailedEntryCount } };
      }),
  };
}
