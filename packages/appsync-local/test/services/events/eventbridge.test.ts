/**
 * The local EventBridge through the real SDK v3 client: PutEvents' validation and answers, rules on a
 * named bus delivering the event envelope to functions asynchronously, retrying a failing target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { startLocalEventBridge, type EventBridgeEvent, type LocalEventBridge } from '../../../src/services/events/eventbridge.ts';
import { eventually } from '../../support/eventually.ts';

const received: EventBridgeEvent[] = [];
const flaky: { attempts: number; delivered: EventBridgeEvent[] } = { attempts: 0, delivered: [] };
const failures: string[] = [];
let eb: LocalEventBridge;
let client: EventBridgeClient;

beforeAll(async () => {
  eb = await startLocalEventBridge({
    region: 'eu-west-1',
    accountId: '123456789012',
    buses: ['app'],
    rules: [
      {
        name: 'assigned',
        pattern: { source: ['app'], 'detail-type': ['TaskAssigned'], detail: { projectId: [{ prefix: 'P-' }] } },
        targets: [{ id: 'notify', fn: async (e) => void received.push(e as EventBridgeEvent) }],
      },
      {
        name: 'flaky',
        pattern: { source: ['app'], 'detail-type': ['Flaky'] },
        targets: [
          {
            id: 'flaky',
            fn: async (e) => {
              flaky.attempts += 1;
              if (flaky.attempts < 3) throw new Error(`attempt ${flaky.attempts} fails`);
              flaky.delivered.push(e as EventBridgeEvent);
            },
          },
        ],
      },
      {
        name: 'broken',
        pattern: { source: ['app'], 'detail-type': ['Broken'] },
        targets: [{ id: 'broken', fn: async () => Promise.reject(new Error('always fails')) }],
      },
    ],
    retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50 },
    onDeliveryFailure: (f) => failures.push(`${f.rule}:${(f.error as Error).message}`),
  });
  client = new EventBridgeClient({ endpoint: eb.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
});
afterAll(async () => {
  client?.destroy();
  await eb?.stop();
});

describe('PutEvents', () => {
  it('answers an EventId per entry and delivers a matching event to the rule target, in the EventBridge envelope', async () => {
    const out = await client.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: 'app', Source: 'app', DetailType: 'TaskAssigned', Detail: JSON.stringify({ projectId: 'P-1', taskId: 'T-1' }), Time: new Date('2026-01-02T03:04:05.678Z'), Resources: ['r1'] },
          { EventBusName: 'app', Source: 'app', DetailType: 'TaskAssigned', Detail: JSON.stringify({ projectId: 'Q-1' }) },
        ],
      }),
    );
    expect(out.FailedEntryCount).toBe(0);
    expect(out.Entries).toHaveLength(2);
    expect(out.Entries!.every((e) => typeof e.EventId === 'string')).toBe(true);
    await eb.drain();
    expect(received).toEqual([
      {
        version: '0',
        id: out.Entries![0]!.EventId,
        'detail-type': 'TaskAssigned',
        source: 'app',
        account: '123456789012',
        time: '2026-01-02T03:04:05Z',
        region: 'eu-west-1',
        resources: ['r1'],
        detail: { projectId: 'P-1', taskId: 'T-1' },
      },
    ]);
    expect(eb.recent().map((r) => r.matchedRules)).toEqual([['assigned'], []]);
  });

  it('accepts the bus by ARN, and delivers nothing for events on another bus', async () => {
    received.length = 0;
    await client.send(new PutEventsCommand({ Entries: [{ EventBusName: 'arn:aws:events:eu-west-1:123456789012:event-bus/app', Source: 'app', DetailType: 'TaskAssigned', Detail: '{"projectId":"P-2"}' }] }));
    // Another bus (and an unknown one, which AWS also accepts with an EventId) reaches no rule of `app`.
    const other = await client.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'app', DetailType: 'TaskAssigned', Detail: '{"projectId":"P-3"}' },
          { EventBusName: 'no-such-bus', Source: 'app', DetailType: 'TaskAssigned', Detail: '{"projectId":"P-4"}' },
        ],
      }),
    );
    expect(other.FailedEntryCount).toBe(0);
    await eb.drain();
    expect(received.map((e) => e.detail.projectId)).toEqual(['P-2']);
  });

  it('fails invalid entries alone, in their slot, with AWS error codes', async () => {
    const out = await client.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: 'app', Source: 'app', DetailType: 'X', Detail: '{}' },
          { EventBusName: 'app', DetailType: 'X', Detail: '{}' },
          { EventBusName: 'app', Source: 'app', DetailType: 'X', Detail: 'not json' },
          { EventBusName: 'app', Source: 'app', DetailType: 'X', Detail: '[1,2]' },
          { EventBusName: 'app', Source: 'app', Detail: '{}' },
        ],
      }),
    );
    expect(out.FailedEntryCount).toBe(4);
    expect(out.Entries![0]!.EventId).toBeTruthy();
    expect(out.Entries!.slice(1).map((e) => e.ErrorCode)).toEqual(['InvalidArgument', 'MalformedDetail', 'MalformedDetail', 'InvalidArgument']);
    expect(out.Entries![1]!.ErrorMessage).toBe('Parameter Source is not valid. Reason: Source is a required argument.');
  });

  it('refuses more than 10 entries with a ValidationException', async () => {
    const entries = Array.from({ length: 11 }, () => ({ Source: 'app', DetailType: 'X', Detail: '{}' }));
    const err = await client.send(new PutEventsCommand({ Entries: entries })).catch((e: unknown) => e);
    // The EventBridge model has no ValidationException shape: the SDK raises a generic service error by name.
    expect((err as Error).name).toBe('ValidationException');
    expect((err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
    expect((err as Error).message).toMatch(/Member must have length less than or equal to 10/);
  });

  it('retries a failing target until it succeeds, and reports one that never does', async () => {
    await client.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: 'app', Source: 'app', DetailType: 'Flaky', Detail: '{}' },
          { EventBusName: 'app', Source: 'app', DetailType: 'Broken', Detail: '{}' },
        ],
      }),
    );
    await eventually(() => {
      expect(flaky.delivered).toHaveLength(1);
      expect(failures).toEqual(['broken:always fails']);
    });
    expect(flaky.attempts).toBe(3);
  });
});
