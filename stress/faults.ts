/**
 * Faults injected into the stress stack (stress/stack.ts) while the load runs, and what each must not
 * break (docs/events.md "Failures and repeats"):
 *  - the runtime SIGKILLed and started again over its data: no acknowledged write lost (the invariants),
 *    and a reminder that fell due while it was down fires exactly once after the restart;
 *  - DynamoDB Local SIGKILLed and started again over its folder: no acknowledged write lost;
 *  - the Lambda side failing: a few failures of the stream handler and of notify are retried away
 *    (the counters still equal a recount), a longer outage of notify ends on the dead-letter path (the
 *    runtime logs each delivery given up) while the API keeps serving.
 */
import { GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../packages/appsync-local/src/services/dynamodb-local.ts';
import { NOTIFICATION_PREFIX, taskPk, userPk } from '../model/keys.ts';
import type { Stack } from './stack.ts';
import { ADMIN, MEMBER, subOf, type Target } from './target.ts';

export interface FaultOutcome {
  name: string;
  ok: boolean;
  detail: string;
}

/** Waits until `fn` returns a value other than undefined, or the time runs out (then undefined). */
async function until<T>(fn: () => Promise<T | undefined>, timeoutMs: number, everyMs = 500): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const scheduler = (t: Target) => new SchedulerClient({ endpoint: t.info.schedulerEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });

async function scheduleExists(t: Target, name: string): Promise<boolean> {
  const c = scheduler(t);
  try {
    await c.send(new GetScheduleCommand({ Name: name, GroupName: t.info.scheduleGroupName }));
    return true;
  } catch (e) {
    if ((e as { name?: string }).name === 'ResourceNotFoundException') return false;
    throw e;
  } finally {
    c.destroy();
  }
}

async function reminderNotifications(t: Target, userId: string, taskId: string) {
  const r = await t.db.send(new QueryCommand({ TableName: t.info.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)', ExpressionAttributeValues: { ':pk': userPk(userId), ':p': NOTIFICATION_PREFIX }, ConsistentRead: true }));
  const mine = (r.Items ?? []).filter((n) => n.taskId === taskId);
  const deliveries = await t.db.send(new QueryCommand({ TableName: t.info.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)', ExpressionAttributeValues: { ':pk': taskPk(taskId), ':p': 'REMINDED#' }, ConsistentRead: true }));
  return {
    overdue: mine.filter((n) => n.kind === 'OVERDUE').length,
    dueSoon: mine.filter((n) => n.kind === 'DUE_SOON').length,
    deliveries: (deliveries.Items ?? []).map((d) => String(d.SK).split('#')[1]),
  };
}

/**
 * The runtime SIGKILLed with a task's overdue reminder due while it is down, then restarted over the
 * same data. `window` is open while the stack is down (the load counts what fails then as unknown).
 */
export async function killRuntime(stack: Stack, t: Target, projectId: string, window: { open: boolean }, storeKills: number[]): Promise<FaultOutcome[]> {
  const out: FaultOutcome[] = [];
  const member = subOf(await t.token(MEMBER));
  const dueAt = new Date(Date.now() + 20_000).toISOString();
  const task = (await t.must(ADMIN, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', { i: { projectId, title: 'due while down', assigneeId: member, dueAt } })).createTask.id as string;
  const name = `task-${task}-overdue`;
  const scheduled = await until(async () => ((await scheduleExists(t, name)) ? true : undefined), 25_000);
  window.open = true;
  const killedAt = Date.now();
  // The runtime's DynamoDB Local goes with it (its reaper kills the Java process at once).
  storeKills.push(killedAt);
  await stack.kill();
  // The stack stays down until the reminder is due (and 2 s past it), however fast a restart is: the
  // fault is "it fell due while down", not a race between the due time and the restart.
  const downUntil = Date.parse(dueAt) + 2_000;
  if (Date.now() < downUntil) await new Promise((r) => setTimeout(r, downUntil - Date.now()));
  const info = await stack.restart();
  t.update(info);
  const readyAt = Date.now();
  window.open = false;
  out.push({ name: 'runtime SIGKILLed mid-load and restarted over its data', ok: true, detail: `down ${((readyAt - killedAt) / 1000).toFixed(1)} s (${new Date(killedAt).toISOString()}–${new Date(readyAt).toISOString()})` });
  const fellDueWhileDown = killedAt < Date.parse(dueAt) && Date.parse(dueAt) < readyAt;
  // Exactly once: the notification appears, then the one-time schedule is deleted after its run
  // (ActionAfterCompletion DELETE) — the event that proves no second run is pending — and still one.
  const first = await until(async () => {
    const n = await reminderNotifications(t, member, task);
    return n.overdue >= 1 ? n : undefined;
  }, 120_000, 1000);
  const gone = await until(async () => ((await scheduleExists(t, name)) ? undefined : true), 60_000, 1000);
  const final = await reminderNotifications(t, member, task);
  const ok = !!scheduled && !!first && !!gone && final.overdue === 1 && final.deliveries.filter((k) => k === 'OVERDUE').length === 1 && final.dueSoon <= 1;
  out.push({
    name: 'a reminder that fell due while the runtime was down fires exactly once after the restart',
    ok: ok && fellDueWhileDown,
    detail: `${scheduled ? 'schedule made before the kill' : 'NO schedule before the kill'}; due ${fellDueWhileDown ? 'while down' : `NOT while down (due ${dueAt}, down ${new Date(killedAt).toISOString()}–${new Date(readyAt).toISOString()})`}; OVERDUE notifications ${final.overdue}, delivery items ${JSON.stringify(final.deliveries)}, DUE_SOON ${final.dueSoon}; schedule ${gone ? 'deleted after its run' : 'still there'}`,
  });
  return out;
}

export async function killDynamoDb(stack: Stack, t: Target, window: { open: boolean }, storeKills: number[]): Promise<FaultOutcome> {
  window.open = true;
  const killedAt = Date.now();
  storeKills.push(killedAt);
  const { downMs } = await stack.killDynamoDb();
  // The runtime's clients reconnect by themselves; the API answers again once a read goes through.
  const back = await until(async () => ((await t.as(MEMBER, '{ me { id } }')).json?.data?.me ? true : undefined), 60_000, 500);
  window.open = false;
  return { name: 'DynamoDB Local SIGKILLed and started again over its folder', ok: !!back, detail: `down ${(downMs / 1000).toFixed(1)} s (from ${new Date(killedAt).toISOString()}); API ${back ? 'serving again' : 'NOT serving within 60 s'}` };
}

/** Transient failures of the stream handler and notify (retried), then a notify outage (dead-letter path). */
export async function lambdaFaults(stack: Stack, durationMs: number): Promise<FaultOutcome[]> {
  const before = await stack.counts();
  stack.command({ arm: 'stream', remaining: 3 });
  stack.command({ arm: 'notify', remaining: 4 });
  await new Promise((r) => setTimeout(r, Math.min(15_000, durationMs / 3)));
  const deadLettersBefore = stack.logs.filter((l) => /EventBridge: .*could not deliver/.test(l)).length;
  stack.command({ arm: 'notify', ms: 12_000 });
  // EventBridge retries a delivery 5 times over ~6 s locally: a 12 s outage outlasts that.
  await new Promise((r) => setTimeout(r, 30_000));
  const after = await stack.counts();
  const deadLetters = stack.logs.filter((l) => /EventBridge: .*could not deliver/.test(l)).length - deadLettersBefore;
  const failed = (n: string) => (after[n]?.failed ?? 0) - (before[n]?.failed ?? 0);
  const invoked = (n: string) => (after[n]?.invoked ?? 0) - (before[n]?.invoked ?? 0);
  return [
    {
      name: 'Lambda side failing transiently: stream handler and notify retried (counters checked after the load)',
      ok: failed('stream') >= 3 && invoked('stream') > failed('stream') && invoked('notify') > failed('notify'),
      detail: `stream: ${failed('stream')} injected failures, ${invoked('stream')} invocations; notify: ${failed('notify')} failures, ${invoked('notify')} invocations`,
    },
    {
      name: 'notify down longer than EventBridge retries: deliveries end on the dead-letter path, the API keeps serving',
      ok: deadLetters > 0,
      detail: `${deadLetters} deliveries given up and logged (the local stand-in for the rule's DLQ)`,
    },
  ];
}
