/**
 * The local EventBridge Scheduler through the real SDK v3 client: groups and schedules (create, get,
 * update, list, delete) with the errors the SDK models, and firing on a manual clock: on time, once,
 * retried, deleted after completion, and after a restart what fell due while stopped fires once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictException,
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  DeleteScheduleGroupCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListScheduleGroupsCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { createManualClock, type ManualClock } from '../../../src/services/events/common.ts';
import { startLocalScheduler, type LocalScheduler } from '../../../src/services/events/scheduler.ts';
import { nextFireTime, parseScheduleExpression, zoneOf } from '../../../src/services/events/schedule-expressions.ts';

const FN_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:reminder';
const ROLE = 'arn:aws:iam::123456789012:role/scheduler';
const T0 = Date.parse('2026-03-10T09:00:00Z');

const calls: unknown[] = [];
let failNext = 0;
const target = async (event: unknown) => {
  if (failNext > 0) {
    failNext -= 1;
    throw new Error('target failed');
  }
  calls.push(event);
};

let dir: string;
let clock: ManualClock;
let scheduler: LocalScheduler;
let client: SchedulerClient;

async function start(): Promise<void> {
  scheduler = await startLocalScheduler({
    region: 'eu-west-1',
    accountId: '123456789012',
    stateFile: join(dir, 'schedules.json'),
    resolveTarget: (arn) => (arn === FN_ARN ? target : undefined),
    clock,
    pollMs: 60_000, // the tests tick explicitly
    retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
  });
  client?.destroy();
  client = new SchedulerClient({ endpoint: scheduler.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
}

/** Moves the clock, runs the due check and waits for the deliveries it started. */
async function advance(ms: number): Promise<void> {
  clock.advance(ms);
  scheduler.tick();
  await scheduler.drain();
}

/** `at()` of a UTC instant, written in `zone`'s local time. */
function atExpression(ms: number, zone = 'UTC'): string {
  const local = new Date(ms).toLocaleString('sv-SE', { timeZone: zone }).replace(' ', 'T');
  return `at(${local})`;
}

const reminder = (name: string, at: number, more: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput => ({
  Name: name,
  GroupName: 'reminders',
  ScheduleExpression: atExpression(at, 'Europe/Berlin'),
  ScheduleExpressionTimezone: 'Europe/Berlin',
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  Target: { Arn: FN_ARN, RoleArn: ROLE, Input: JSON.stringify({ name, arn: '<aws.scheduler.schedule-arn>', at: '<aws.scheduler.scheduled-time>' }) },
  ...more,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scheduler-test-'));
  clock = createManualClock(T0);
  await start();
});
afterAll(async () => {
  client?.destroy();
  await scheduler?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('schedule groups', () => {
  it('creates, reads, lists and deletes groups, with Conflict and NotFound errors', async () => {
    const created = await client.send(new CreateScheduleGroupCommand({ Name: 'reminders' }));
    expect(created.ScheduleGroupArn).toBe('arn:aws:scheduler:eu-west-1:123456789012:schedule-group/reminders');
    await expect(client.send(new CreateScheduleGroupCommand({ Name: 'reminders' }))).rejects.toBeInstanceOf(ConflictException);
    const got = await client.send(new GetScheduleGroupCommand({ Name: 'reminders' }));
    expect(got).toMatchObject({ Name: 'reminders', State: 'ACTIVE' });
    expect(got.CreationDate).toEqual(new Date(T0));
    await client.send(new CreateScheduleGroupCommand({ Name: 'doomed' }));
    expect((await client.send(new ListScheduleGroupsCommand({}))).ScheduleGroups!.map((g) => g.Name)).toEqual(['default', 'doomed', 'reminders']);
    await client.send(new DeleteScheduleGroupCommand({ Name: 'doomed' }));
    await expect(client.send(new GetScheduleGroupCommand({ Name: 'doomed' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new DeleteScheduleGroupCommand({ Name: 'default' }))).rejects.toBeInstanceOf(ValidationException);
  });
});

describe('schedules', () => {
  it('creates, reads, updates, lists and deletes, with the errors the SDK models', async () => {
    const out = await client.send(new CreateScheduleCommand(reminder('crud', T0 + 3_600_000, { Description: 'one' })));
    expect(out.ScheduleArn).toBe('arn:aws:scheduler:eu-west-1:123456789012:schedule/reminders/crud');
    await expect(client.send(new CreateScheduleCommand(reminder('crud', T0 + 3_600_000)))).rejects.toBeInstanceOf(ConflictException);
    await expect(client.send(new CreateScheduleCommand({ ...reminder('x', T0), GroupName: 'nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    for (const bad of [{ ScheduleExpression: 'at(2026-13-01T00:00:00)' }, { ScheduleExpression: 'cron(0 8 * * MON *)' }, { ScheduleExpressionTimezone: 'Mars/Olympus' }, { FlexibleTimeWindow: { Mode: 'FLEXIBLE' as const } }]) {
      const err = await client.send(new CreateScheduleCommand({ ...reminder('bad', T0), ...bad })).catch((e: unknown) => e);
      expect(err, JSON.stringify(bad)).toBeInstanceOf(ValidationException);
      expect((err as Error).message).not.toBe('');
    }

    const got = await client.send(new GetScheduleCommand({ Name: 'crud', GroupName: 'reminders' }));
    expect(got).toMatchObject({
      Name: 'crud',
      GroupName: 'reminders',
      Description: 'one',
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: FN_ARN, RoleArn: ROLE },
    });
    expect(got.CreationDate).toEqual(new Date(T0));

    await client.send(new UpdateScheduleCommand({ ...reminder('crud', T0 + 7_200_000), Description: 'two' }));
    expect((await client.send(new GetScheduleCommand({ Name: 'crud', GroupName: 'reminders' }))).Description).toBe('two');
    await expect(client.send(new UpdateScheduleCommand(reminder('missing', T0)))).rejects.toBeInstanceOf(ResourceNotFoundException);

    await client.send(new CreateScheduleCommand(reminder('crud-2', T0 + 3_600_000)));
    const page1 = await client.send(new ListSchedulesCommand({ GroupName: 'reminders', NamePrefix: 'crud', MaxResults: 1 }));
    expect(page1.Schedules!.map((s) => s.Name)).toEqual(['crud']);
    const page2 = await client.send(new ListSchedulesCommand({ GroupName: 'reminders', NamePrefix: 'crud', MaxResults: 1, NextToken: page1.NextToken }));
    expect(page2.Schedules!.map((s) => s.Name)).toEqual(['crud-2']);
    expect(page2.NextToken).toBeUndefined();
    expect(page2.Schedules![0]!.Target).toEqual({ Arn: FN_ARN });
    expect((await client.send(new ListSchedulesCommand({ GroupName: 'default', NamePrefix: 'crud' }))).Schedules).toEqual([]);

    await client.send(new DeleteScheduleCommand({ Name: 'crud', GroupName: 'reminders' }));
    await client.send(new DeleteScheduleCommand({ Name: 'crud-2', GroupName: 'reminders' }));
    await expect(client.send(new GetScheduleCommand({ Name: 'crud', GroupName: 'reminders' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new DeleteScheduleCommand({ Name: 'crud', GroupName: 'reminders' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('fires a one-time schedule on time, once, with the context attributes filled in, then deletes it', async () => {
    calls.length = 0;
    const due = clock.now() + 2 * 60_000;
    await client.send(new CreateScheduleCommand(reminder('soon', due)));
    await advance(60_000);
    expect(calls).toEqual([]); // one minute early: nothing yet
    await advance(60_000);
    expect(calls).toEqual([{ name: 'soon', arn: 'arn:aws:scheduler:eu-west-1:123456789012:schedule/reminders/soon', at: `${new Date(due).toISOString().slice(0, 19)}Z` }]);
    await expect(client.send(new GetScheduleCommand({ Name: 'soon', GroupName: 'reminders' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await advance(60_000);
    expect(calls).toHaveLength(1);
  });

  it('moves with an update and stays with ActionAfterCompletion NONE', async () => {
    calls.length = 0;
    await client.send(new CreateScheduleCommand(reminder('moved', clock.now() + 10 * 60_000, { ActionAfterCompletion: 'NONE' })));
    await client.send(new UpdateScheduleCommand(reminder('moved', clock.now() + 2 * 60_000, { ActionAfterCompletion: 'NONE' })));
    await advance(2 * 60_000);
    expect(calls).toHaveLength(1);
    await advance(10 * 60_000);
    expect(calls).toHaveLength(1);
    expect((await client.send(new GetScheduleCommand({ Name: 'moved', GroupName: 'reminders' }))).Name).toBe('moved');
    await client.send(new DeleteScheduleCommand({ Name: 'moved', GroupName: 'reminders' }));
  });

  it('retries a failing target (at least once)', async () => {
    calls.length = 0;
    failNext = 2;
    await client.send(new CreateScheduleCommand(reminder('retried', clock.now() + 60_000)));
    await advance(60_000);
    expect(calls).toHaveLength(1);
    const attempts = scheduler.invocations().filter((i) => i.scheduleArn.endsWith('/retried'));
    expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([[1, false], [2, false], [3, true]]);
  });

  it('keeps a DISABLED schedule without firing it, and fires a cron schedule at each of its times until its EndDate', async () => {
    calls.length = 0;
    await client.send(new CreateScheduleCommand(reminder('off', clock.now() + 60_000, { State: 'DISABLED' })));
    await advance(2 * 60_000);
    expect(calls).toEqual([]);
    await client.send(new DeleteScheduleCommand({ Name: 'off', GroupName: 'reminders' }));

    // Every 30 minutes, on the half hour, for two hours.
    const start = Math.ceil(clock.now() / 1_800_000) * 1_800_000;
    clock.set(start - 60_000);
    await client.send(
      new CreateScheduleCommand({
        Name: 'half-hourly',
        GroupName: 'reminders',
        ScheduleExpression: 'cron(0/30 * * * ? *)',
        EndDate: new Date(start + 2 * 3_600_000 - 1),
        FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 5 },
        ActionAfterCompletion: 'DELETE',
        Target: { Arn: FN_ARN, RoleArn: ROLE, Input: '{"at":"<aws.scheduler.scheduled-time>"}' },
      }),
    );
    for (let i = 0; i < 6; i += 1) await advance(30 * 60_000);
    const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
    expect(calls).toEqual([0, 1, 2, 3].map((k) => ({ at: iso(start + k * 1_800_000) })));
    // Past its EndDate with nothing left to run: deleted (ActionAfterCompletion DELETE).
    expect(scheduler.schedules().some((s) => s.Name === 'half-hourly')).toBe(false);
  });

  it('after a restart, fires once what fell due while it was stopped', async () => {
    calls.length = 0;
    await client.send(new CreateScheduleCommand(reminder('while-down', clock.now() + 5 * 60_000)));
    await client.send(
      new CreateScheduleCommand({
        Name: 'every-5',
        ScheduleExpression: 'rate(5 minutes)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: FN_ARN, RoleArn: ROLE, Input: '{"kind":"rate"}' },
      }),
    );
    await scheduler.stop();
    clock.advance(60 * 60_000); // an hour passes while stopped: 12 runs of the rate fell due
    await start();
    scheduler.tick();
    await scheduler.drain();
    expect(calls).toHaveLength(2);
    expect(calls).toContainEqual({ kind: 'rate' });
    expect(calls).toContainEqual(expect.objectContaining({ name: 'while-down' }));
    // The rate goes on from now; the one-time schedule is gone.
    const rate = scheduler.schedules().find((s) => s.Name === 'every-5')!;
    expect(rate.nextAt).toBeGreaterThan(clock.now());
    expect(rate.nextAt! - clock.now()).toBeLessThanOrEqual(5 * 60_000);
    expect(scheduler.schedules().some((s) => s.Name === 'while-down')).toBe(false);
    await scheduler.stop();
    await start();
    scheduler.tick();
    await scheduler.drain();
    expect(calls).toHaveLength(2);
    await advance(5 * 60_000);
    expect(calls).toHaveLength(3);
  });
});

describe('schedule expressions', () => {
  const next = (expr: string, tz: string, after: string) =>
    new Date(nextFireTime(parseScheduleExpression(expr), { zone: zoneOf(tz), createdAt: 0 }, Date.parse(after))!).toISOString();

  it('evaluates cron in the time zone, across a DST change', () => {
    // Mondays 08:00 Berlin: CET (UTC+1) before 29 March 2026, CEST (UTC+2) after.
    expect(next('cron(0 8 ? * MON *)', 'Europe/Berlin', '2026-03-18T12:00:00Z')).toBe('2026-03-23T07:00:00.000Z');
    expect(next('cron(0 8 ? * MON *)', 'Europe/Berlin', '2026-03-25T12:00:00Z')).toBe('2026-03-30T06:00:00.000Z');
    expect(next('cron(0 8 ? * 2 *)', 'UTC', '2026-03-25T12:00:00Z')).toBe('2026-03-30T08:00:00.000Z');
  });

  it('supports L, W, # and steps as AWS documents them', () => {
    expect(next('cron(0 12 L * ? *)', 'UTC', '2026-02-01T00:00:00Z')).toBe('2026-02-28T12:00:00.000Z');
    // The 15th of August 2026 is a Saturday: the nearest weekday is Friday the 14th.
    expect(next('cron(0 9 15W * ? *)', 'UTC', '2026-08-01T00:00:00Z')).toBe('2026-08-14T09:00:00.000Z');
    // The third Friday of March 2026.
    expect(next('cron(0 9 ? * 6#3 *)', 'UTC', '2026-03-01T00:00:00Z')).toBe('2026-03-20T09:00:00.000Z');
    expect(next('cron(0/15 * * * ? *)', 'UTC', '2026-03-01T00:07:00Z')).toBe('2026-03-01T00:15:00.000Z');
    expect(next('cron(0 10 * * ? 2027)', 'UTC', '2026-03-01T00:00:00Z')).toBe('2027-01-01T10:00:00.000Z');
  });

  it('reads at() as a local time in the zone', () => {
    expect(next('at(2026-07-01T09:30:00)', 'America/New_York', '2026-01-01T00:00:00Z')).toBe('2026-07-01T13:30:00.000Z');
  });
});
