/**
 * One-time EventBridge Scheduler schedules in Taskwire's group (SCHEDULE_GROUP_NAME), targeting the
 * reminder function (REMINDER_FUNCTION_ARN, invoked with SCHEDULER_ROLE_ARN). `at(...)` is local time in
 * the schedule's time zone; a schedule deletes itself once it has run (ActionAfterCompletion DELETE).
 */
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { schedulerClient } from './clients.ts';
import { requireEnv } from './env.ts';

/** What every invocation of the reminder function carries. */
export type ReminderEvent =
  | { kind: 'DUE_SOON' | 'OVERDUE'; taskId: string; projectId: string; dueAt: string; userId: string }
  | { kind: 'DIGEST'; taskId: string; userId: string; windowEndsAt: string };

/** `yyyy-mm-ddThh:mm:ss` of an instant as the wall clock reads in `timeZone` (an IANA name). */
export function localDateTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** A time zone Intl knows, else UTC (a profile's zone is checked loosely by updateProfile). */
export function knownTimeZone(tz: string | null | undefined): string {
  if (!tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

/** The at() expression of an instant in a time zone (whole seconds, rounded up). */
export function atExpression(ms: number, timeZone: string): string {
  return `at(${localDateTime(Math.ceil(ms / 1000) * 1000, timeZone)})`;
}

/** A one-time schedule that invokes the reminder function with `input` at `fireAtMs` (in `timeZone`). */
function oneTimeSchedule(name: string, fireAtMs: number, timeZone: string, input: ReminderEvent, description: string): CreateScheduleCommandInput {
  return {
    Name: name,
    GroupName: requireEnv('SCHEDULE_GROUP_NAME'),
    ScheduleExpression: atExpression(fireAtMs, timeZone),
    ScheduleExpressionTimezone: timeZone,
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    State: 'ENABLED',
    Description: description.slice(0, 512),
    Target: {
      Arn: requireEnv('REMINDER_FUNCTION_ARN'),
      RoleArn: requireEnv('SCHEDULER_ROLE_ARN'),
      Input: JSON.stringify(input),
      RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
    },
  };
}

const isError = (err: unknown, type: { new (...a: never[]): Error }, name: string): boolean =>
  err instanceof type || (err as { name?: string }).name === name;

/** Creates the schedule, or replaces its definition when it exists (safe to repeat). */
export async function upsertOneTime(name: string, fireAtMs: number, timeZone: string, input: ReminderEvent, description: string): Promise<void> {
  const def = oneTimeSchedule(name, fireAtMs, knownTimeZone(timeZone), input, description);
  const client = schedulerClient();
  try {
    await client.send(new UpdateScheduleCommand(def));
    return;
  } catch (err) {
    if (!isError(err, ResourceNotFoundException, 'ResourceNotFoundException')) throw err;
  }
  try {
    await client.send(new CreateScheduleCommand(def));
  } catch (err) {
    // Created meanwhile by another run: bring it to this definition.
    if (!isError(err, ConflictException, 'ConflictException')) throw err;
    await client.send(new UpdateScheduleCommand(def));
  }
}

/** Creates the schedule unless one of that name exists (its definition never changes). */
export async function createOnce(name: string, fireAtMs: number, input: ReminderEvent, description: string): Promise<void> {
  try {
    await schedulerClient().send(new CreateScheduleCommand(oneTimeSchedule(name, fireAtMs, 'UTC', input, description)));
  } catch (err) {
    if (!isError(err, ConflictException, 'ConflictException')) throw err;
  }
}

/** Deletes the schedule; one already gone (run, or never made) is fine. */
export async function deleteSchedule(name: string): Promise<void> {
  try {
    await schedulerClient().send(new DeleteScheduleCommand({ Name: name, GroupName: requireEnv('SCHEDULE_GROUP_NAME') }));
  } catch (err) {
    if (!isError(err, ResourceNotFoundException, 'ResourceNotFoundException')) throw err;
  }
}

/** Names of a task's two schedules. */
export const reminderScheduleName = (taskId: string): string => `task-${taskId}-remind`;
export const overdueScheduleName = (taskId: string): string => `task-${taskId}-overdue`;
