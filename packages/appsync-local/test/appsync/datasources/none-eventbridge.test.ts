import { describe, expect, it } from 'vitest';
import { createNoneDataSource } from '../../../src/appsync/datasources/none.ts';
import {
  createEventBridgeDataSource,
  createRecordingEventSink,
  type EventSink,
} from '../../../src/appsync/datasources/eventbridge.ts';
import { invocation } from './context.ts';

describe('NONE data source', () => {
  it('returns the payload as the result (null when absent)', async () => {
    const ds = createNoneDataSource();
    expect(await ds.invoke(invocation({ payload: { a: [1, 'x'], b: null } }))).toEqual({ result: { a: [1, 'x'], b: null } });
    expect(await ds.invoke(invocation({}))).toEqual({ result: null });
    expect((await ds.invoke(invocation(42))).error?.type).toBe('MappingTemplate');
  });
});

describe('EventBridge data source', () => {
  it('puts events through the sink and answers Entries with EventIds', async () => {
    const sink = createRecordingEventSink();
    const ds = createEventBridgeDataSource({ sink, eventBusName: 'taskwire' });
    const res = await ds.invoke(invocation({
      operation: 'PutEvents',
      events: [
        { source: 'taskwire.tasks', detailType: 'TaskUpdated', detail: { id: 't1' }, resources: ['arn:x'], time: '2024-05-01T10:00:00Z' },
        { source: 'taskwire.tasks', detailType: 'TaskCreated', detail: { id: 't2' } },
      ],
    }));
    expect(res.error ?? null).toBeNull();
    const ids = sink.events.map((e) => e.id);
    expect(res.result).toEqual({ Entries: [{ EventId: ids[0] }, { EventId: ids[1] }], FailedEntryCount: 0 });
    expect(sink.events[0]!.entry).toEqual({
      EventBusName: 'taskwire', Source: 'taskwire.tasks', DetailType: 'TaskUpdated', Detail: '{"id":"t1"}',
      Resources: ['arn:x'], Time: new Date('2024-05-01T10:00:00Z'),
    });
    expect(sink.events[1]!.entry.Resources).toEqual([]);
  });

  it('fails invalid entries in their own slot and sends only the valid ones', async () => {
    const sink = createRecordingEventSink();
    const ds = createEventBridgeDataSource({ sink });
    const res = await ds.invoke(invocation({
      operation: 'PutEvents',
      events: [
        { detailType: 'X', detail: {} },
        { source: 's', detailType: 'ok', detail: { fine: true } },
        { source: 's', detail: {} },
        { source: 's', detailType: 'X', detail: 'not an object' },
        { source: 's', detailType: 'X', detail: {}, time: 'yesterday' },
      ],
    }));
    expect(res.result).toEqual({
      Entries: [
        { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' },
        { EventId: sink.events[0]!.id },
        { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' },
        { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
        { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Time is not valid.' },
      ],
      FailedEntryCount: 4,
    });
    expect(sink.events).toHaveLength(1);
  });

  it('refuses more than 10 entries, none, a wrong operation, and reports sink failures', async () => {
    const sink = createRecordingEventSink();
    const ds = createEventBridgeDataSource({ sink });
    const event = { source: 's', detailType: 'd', detail: {} };
    const tooMany = await ds.invoke(invocation({ operation: 'PutEvents', events: Array(11).fill(event) }));
    expect(tooMany.error).toEqual({ type: 'EventBridge:ValidationException', message: expect.stringContaining('less than or equal to 10') });
    expect((await ds.invoke(invocation({ operation: 'PutEvents', events: [] }))).error?.type).toBe('EventBridge:ValidationException');
    expect((await ds.invoke(invocation({ operation: 'PutEvents' }))).error?.message).toBe("Value for field '$[events]' not found.");
    expect((await ds.invoke(invocation({ operation: 'Publish', events: [event] }))).error?.type).toBe('MappingTemplate');
    expect(sink.events).toHaveLength(0);

    // A service error as the AWS SDK throws it (marked with $metadata) passes on with its name.
    class InternalException extends Error { override name = 'InternalException'; readonly $metadata = { httpStatusCode: 500 }; }
    const broken: EventSink = { putEvents: async () => { throw new InternalException('bus down'); } };
    const res = await createEventBridgeDataSource({ sink: broken }).invoke(invocation({ operation: 'PutEvents', events: [event] }));
    expect(res.error).toEqual({ type: 'EventBridge:InternalException', message: 'bus down' });
    // Anything else is the runtime's own failure: no internals reach the resolver.
    const crashing: EventSink = { putEvents: async () => { throw new TypeError('x is undefined at /work/local/sink.ts:3'); } };
    const original = console.error;
    console.error = () => undefined;
    try {
      const crashed = await createEventBridgeDataSource({ sink: crashing }).invoke(invocation({ operation: 'PutEvents', events: [event] }));
      expect(crashed.error).toEqual({ type: 'InternalFailure', message: 'An internal failure occurred in the data source.' });
    } finally {
      console.error = original;
    }
  });
});
