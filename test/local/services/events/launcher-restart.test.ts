/**
 * A reminder schedule that falls due while the runtime is stopped fires once when it starts again on
 * the same data folder (the local Scheduler keeps its schedules in `<data>/scheduler/`), and not again
 * on the start after that.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateScheduleCommand, GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { lambdas } from '../../../../functions/manifest.ts';
import { createManualClock } from '../../../../packages/appsync-local/src/services/events/common.ts';
import { startThrowawayRuntime, type LocalRuntime } from '../../../../local/start.ts';
import { eventually } from '../../../support/eventually.ts';
import { recorded } from './fixtures/recording-handler.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'taskwire-restart-'));
const clock = createManualClock(Date.now());
const functions = {
  // The manifest's functions without its own event-side entries: the fixture below stands in for them.
  ...Object.fromEntries(Object.entries(lambdas).filter(([, d]) => !('stream' in d || 'rules' in d || 'scheduleTarget' in d || d.entry === lambdas.weeklyReport.entry))),
  remind: { entry: 'test/local/services/events/fixtures/recording-handler.ts', description: 'records (test)', timeoutSeconds: 10, uses: {}, scheduleTarget: true },
};
let runtime: LocalRuntime | undefined;
const start = async () => (runtime = await startThrowawayRuntime({ dataDir, clock, functions, schedulerPollMs: 50 }));
const reminders = () => recorded.filter((r) => r.functionName === 'remind').map((r) => r.event);

afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the Scheduler across a restart of the runtime', () => {
  it('fires once what fell due while stopped', async () => {
    const rt1 = await start();
    const scheduler = new SchedulerClient({ endpoint: rt1.urls.scheduler, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const due = new Date(clock.now() + 2 * 60_000);
    await scheduler.send(
      new CreateScheduleCommand({
        Name: 'task-R1',
        GroupName: rt1.events.env.scheduleGroupName,
        ScheduleExpression: `at(${due.toISOString().slice(0, 19)})`,
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: { Arn: rt1.events.env.reminderFunctionArn!, RoleArn: rt1.events.env.schedulerRoleArn, Input: '{"taskId":"R1"}' },
      }),
    );
    scheduler.destroy();
    await rt1.stop();
    expect(reminders()).toEqual([]);

    clock.advance(3 * 60_000); // it falls due while nothing runs
    const rt2 = await start();
    await eventually(() => expect(reminders()).toEqual([{ taskId: 'R1' }]), { timeoutMs: 30_000 });
    const again = new SchedulerClient({ endpoint: rt2.urls.scheduler, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await eventually(async () => {
      const err = await again.send(new GetScheduleCommand({ Name: 'task-R1', GroupName: rt2.events.env.scheduleGroupName })).catch((e: unknown) => e);
      expect((err as Error).name).toBe('ResourceNotFoundException');
    });
    again.destroy();
    await rt2.stop();

    const rt3 = await start();
    await rt3.events.scheduler.drain();
    rt3.events.scheduler.tick();
    await rt3.events.scheduler.drain();
    expect(reminders()).toHaveLength(1);
  }, 300_000);
});
