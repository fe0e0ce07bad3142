/**
 * The event side end to end, through the whole local runtime: mutations over GraphQL → DynamoDB Local
 * → its stream (delivered in Lambda-shaped batches) → the stream function → the local EventBridge /
 * Scheduler (real SDK clients via AWS_ENDPOINT_URL_*) → the notify / reminders / weeklyReport functions
 * → publishNotification (signed IAM), aws-ses-v2-local (GET /store) and the local SNS. The Scheduler's
 * clock is a manual one moved forward: the schedules go through the whole path, only sooner.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { useLocalRuntime } from '../../support/runtime.ts';
import { graphqlClient } from '../../support/graphql.ts';
import { EMAIL, subOf, type Person } from '../../support/people.ts';
import { eventually } from '../../support/eventually.ts';
import { createManualClock } from '../../../packages/appsync-local/src/services/events/common.ts';
import { handler as remindersHandler } from '../../../functions/reminders/handler.ts';
import { handler as weeklyReportHandler, reportLines } from '../../../functions/reports/weekly.ts';
import { atExpression, overdueScheduleName, reminderScheduleName } from '../../../functions/lib/schedules.ts';
import { configureAmplify, signInAs, watch } from '../../live/amplify.ts';
import type { StoredEmail } from '../../../packages/appsync-local/src/services/events/ses.ts';
import { START_TIMEOUT_MS } from '../../support/timeouts.ts';

const clock = createManualClock(Date.now());
const rt = useLocalRuntime({ clock });
const { gql } = graphqlClient(rt);
// Handlers called directly run as their function would: with exactly its own environment.
const reminders = (event: Parameters<typeof remindersHandler>[0]) => rt.runtime.lambdas.runAs('reminders', () => remindersHandler(event));
const weeklyReport = (event: Parameters<typeof weeklyReportHandler>[0]) => rt.runtime.lambdas.runAs('weeklyReport', () => weeklyReportHandler(event));

const sub = {} as Record<Person, string>;

const NOTIFICATIONS = `query { myNotifications(limit: 50) { items { id kind taskId projectId title body } } }`;
const notifications = async (who: Person) => (await gql(who, NOTIFICATIONS)).myNotifications.items as { id: string; kind: string; taskId: string | null; title: string }[];
const mailTo = async (who: Person): Promise<StoredEmail[]> => (await rt.runtime.events.ses.emails()).filter((m) => m.destination.to.includes(EMAIL[who]));
const schedule = (name: string) => rt.runtime.events.scheduler.schedules().find((s) => s.Name === name);

async function createTask(who: Person, input: Record<string, unknown>): Promise<{ id: string; version: number; key: string }> {
  return (await gql(who, `mutation($i: CreateTaskInput!) { createTask(input: $i) { id version key } }`, { i: input })).createTask;
}

let project = '';

beforeAll(async () => {
  for (const p of Object.keys(EMAIL) as Person[]) sub[p] = subOf(await rt.token(EMAIL[p]));
  project = (await gql('max', `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { key: 'EVT', name: 'Events' } })).createProject.id;
  await gql('max', `mutation($i: AddMemberInput!) { addMember(input: $i) { userId } }`, { i: { projectId: project, email: EMAIL.vera, role: 'MEMBER' } });
  await gql('vera', `mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }`, { i: { reminderLeadMinutes: 1, timeZone: 'Europe/Berlin' } });
  configureAmplify(rt);
}, 120_000);

describe('reminders', () => {
  let taskId = '';
  let version = 0;
  let dueAt = '';

  it('a task due in two minutes with a one-minute lead: one schedule at dueAt − 1 min in the assignee’s zone, then one email and one notification', async () => {
    await signInAs(rt, EMAIL.vera);
    const live = watch(`subscription($u: ID!) { onNotification(userId: $u) { id kind taskId title } }`, { u: sub.vera });
    dueAt = new Date(Date.now() + 2 * 60_000).toISOString();
    const t = await createTask('max', { projectId: project, title: 'Ship the reminder', assigneeId: sub.vera, dueAt });
    taskId = t.id;
    version = t.version;
    const s = await eventually(() => {
      const found = schedule(reminderScheduleName(taskId));
      expect(found).toBeDefined();
      expect(schedule(overdueScheduleName(taskId))).toBeDefined();
      return found!;
    }, { timeoutMs: 30_000 });
    expect(s.ScheduleExpression).toBe(atExpression(Date.parse(dueAt) - 60_000, 'Europe/Berlin'));
    expect(s.ScheduleExpressionTimezone).toBe('Europe/Berlin');
    expect(s.ActionAfterCompletion).toBe('DELETE');
    expect(schedule(overdueScheduleName(taskId))?.ScheduleExpression).toBe(atExpression(Date.parse(dueAt), 'UTC'));

    clock.set(Date.parse(dueAt) - 60_000 + 1_000);
    rt.runtime.events.scheduler.tick();
    const mails = await eventually(async () => {
      const m = (await mailTo('vera')).filter((x) => x.subject.includes('Due soon'));
      expect(m).toHaveLength(1);
      return m;
    }, { timeoutMs: 30_000 });
    expect(mails[0]!.subject).toContain(t.key);
    expect(mails[0]!.body.text).toContain('Due soon: ');
    expect(mails[0]!.body.html).toContain('<h2>Due soon: ');
    const due = (await notifications('vera')).filter((n) => n.kind === 'DUE_SOON' && n.taskId === taskId);
    expect(due).toHaveLength(1);
    // The subscriber got it live.
    await live.until(() => live.events.some((e) => e.data?.onNotification?.kind === 'DUE_SOON'), 20_000);
    live.unsubscribe();
    expect(schedule(reminderScheduleName(taskId))).toBeUndefined(); // ran, then deleted itself
  }, 120_000);

  it('moving the due date moves the schedule', async () => {
    const later = new Date(Date.parse(dueAt) + 86_400_000).toISOString();
    const r = await gql('max', `mutation($i: UpdateTaskInput!) { updateTask(input: $i) { version dueAt } }`, { i: { id: taskId, expectedVersion: version, dueAt: later } });
    version = r.updateTask.version;
    await eventually(() => {
      expect(schedule(reminderScheduleName(taskId))?.ScheduleExpression).toBe(atExpression(Date.parse(later) - 60_000, 'Europe/Berlin'));
      expect(schedule(overdueScheduleName(taskId))?.ScheduleExpression).toBe(atExpression(Date.parse(later), 'UTC'));
    }, { timeoutMs: 30_000 });
    dueAt = later;
  }, 60_000);

  it('three deliveries of one schedule send one email and store one notification', async () => {
    const event = { kind: 'OVERDUE' as const, taskId, projectId: project, dueAt, userId: sub.vera };
    const results = await Promise.all([reminders(event), reminders(event), reminders(event)]);
    expect(results.filter((r) => 'delivered' in r && r.delivered)).toHaveLength(1);
    expect(await reminders(event)).toEqual({ delivered: false, skipped: 'DUPLICATE' });
    const mails = await eventually(async () => {
      const m = (await mailTo('vera')).filter((x) => x.subject.includes('Overdue'));
      expect(m).toHaveLength(1);
      return m;
    });
    expect(mails[0]!.body.text).toContain('Overdue: ');
    expect((await notifications('vera')).filter((n) => n.kind === 'OVERDUE' && n.taskId === taskId)).toHaveLength(1);
  }, 60_000);

  it('a schedule for a due date the task no longer has does nothing', async () => {
    const stale = { kind: 'DUE_SOON' as const, taskId, projectId: project, dueAt: new Date(Date.parse(dueAt) - 3_600_000).toISOString(), userId: sub.vera };
    expect(await reminders(stale)).toEqual({ delivered: false, skipped: 'REDATED' });
  });

  it('completing the task deletes its schedules', async () => {
    await gql('vera', `mutation($i: MoveTaskInput!) { moveTask(input: $i) { status } }`, { i: { id: taskId, status: 'DONE' } });
    await eventually(() => {
      expect(schedule(reminderScheduleName(taskId))).toBeUndefined();
      expect(schedule(overdueScheduleName(taskId))).toBeUndefined();
    }, { timeoutMs: 30_000 });
    expect(await reminders({ kind: 'DUE_SOON', taskId, projectId: project, dueAt, userId: sub.vera })).toEqual({ delivered: false, skipped: 'DONE' });
  }, 60_000);
}, START_TIMEOUT_MS);

describe('notifications', () => {
  it('a mention notifies the mentioned member, and nobody outside the project', async () => {
    const t = await createTask('max', { projectId: project, title: 'Talk about it' });
    await gql('max', `mutation($i: AddCommentInput!) { addComment(input: $i) { id mentions } }`, { i: { taskId: t.id, body: 'What do @vera and @otto think?' } });
    await eventually(async () => {
      const n = (await notifications('vera')).filter((x) => x.kind === 'MENTIONED' && x.taskId === t.id);
      expect(n).toHaveLength(1);
    }, { timeoutMs: 30_000 });
    // The same event was published to SNS with its filter attributes...
    const messages = rt.runtime.events.sns.messages().filter((m) => m.MessageAttributes.kind?.StringValue === 'MentionAdded');
    expect(messages.some((m) => m.MessageAttributes.projectId?.StringValue === project && JSON.parse(m.Message).mentionedUserId === sub.vera)).toBe(true);
    // ...and otto, not a member, was neither mentioned nor notified.
    expect(messages.some((m) => JSON.parse(m.Message).mentionedUserId === sub.otto)).toBe(false);
    expect(await notifications('otto')).toEqual([]);
  }, 60_000);

  it('a burst of changes to one task becomes one email when its window ends', async () => {
    const t = await createTask('max', { projectId: project, title: 'Busy task', assigneeId: sub.vera });
    for (const status of ['IN_PROGRESS', 'IN_REVIEW', 'TODO']) {
      await gql('max', `mutation($i: MoveTaskInput!) { moveTask(input: $i) { status } }`, { i: { id: t.id, status } });
    }
    // Assigned + three moves: four in-app notifications, one pending digest schedule.
    await eventually(async () => {
      const n = (await notifications('vera')).filter((x) => x.taskId === t.id);
      expect(n.map((x) => x.kind).sort()).toEqual(['ASSIGNED', 'STATUS_CHANGED', 'STATUS_CHANGED', 'STATUS_CHANGED']);
    }, { timeoutMs: 30_000 });
    const digest = rt.runtime.events.scheduler.schedules().filter((s) => s.Name.startsWith('digest-') && JSON.parse(s.Target.Input ?? '{}').taskId === t.id);
    expect(digest).toHaveLength(1);
    expect(await mailTo('vera').then((m) => m.filter((x) => x.subject.includes(t.key)))).toHaveLength(0);
    clock.set(Math.max(clock.now(), Date.now()) + 3 * 60_000);
    rt.runtime.events.scheduler.tick();
    const mail = await eventually(async () => {
      const m = (await mailTo('vera')).filter((x) => x.subject.includes(t.key));
      expect(m).toHaveLength(1);
      return m[0]!;
    }, { timeoutMs: 30_000 });
    expect(mail.subject).toContain('(4 updates)');
    expect(mail.body.text).toContain('assigned you');
    expect(mail.body.text).toContain('to IN_REVIEW');
    // max made every change: he gets nothing.
    expect((await mailTo('max')).filter((x) => x.subject.includes(t.key))).toHaveLength(0);
  }, 90_000);
});

describe('weekly report', () => {
  it("emails the project's admins its figures (the projectReport numbers)", async () => {
    const report = await eventually(async () => {
      const r = (await gql('max', `query($p: ID!) { projectReport(projectId: $p) { projectId velocity { sprintId name committedPoints completedPoints completedAt } statusBreakdown { status tasks points } workload { userId displayName openTasks openPoints donePoints timeSpentMinutes } overdueTasks generatedAt } }`, { p: project })).projectReport;
      expect(r.statusBreakdown.reduce((n: number, s: { tasks: number }) => n + s.tasks, 0)).toBe(3);
      return r;
    }, { timeoutMs: 30_000 });
    const result = await weeklyReport({ operation: 'weeklyReport' });
    const mine = result.projects.find((p) => p.projectId === project)!;
    expect(mine.sent).toEqual([EMAIL.max]);
    const mail = await eventually(async () => {
      const m = (await mailTo('max')).filter((x) => x.subject.includes('Weekly report'));
      expect(m).toHaveLength(1);
      return m[0]!;
    });
    for (const line of reportLines({ project: { key: 'EVT', name: 'Events' }, report, sprint: null })) {
      expect(mail.body.text).toContain(line);
    }
    expect(mail.body.text).toContain('Status: TODO 2 tasks / 0 points, IN_PROGRESS 0 tasks / 0 points, IN_REVIEW 0 tasks / 0 points, DONE 1 tasks / 0 points');
    expect(mail.body.html).toContain('<li>Overdue tasks: 0</li>');
    // A second delivery of the weekly schedule sends nothing more.
    expect((await weeklyReport({ operation: 'weeklyReport' })).projects.find((p) => p.projectId === project)!.skipped).toBe('ALREADY_SENT');
    expect((await mailTo('vera')).filter((x) => x.subject.includes('Weekly report'))).toHaveLength(0);
  }, 60_000);
});
