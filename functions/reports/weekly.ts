/**
 * Lambda `weeklyReport`: a recurring schedule (functions/manifest.ts, cron) emails each live project's
 * admins its report for the week: status breakdown, overdue tasks, the active sprint's committed and
 * completed points, the last completed sprints' velocity, workload and time per member — the same
 * figures projectReport / sprintReport answer (maths.ts over the aggregates, source.ts).
 * Projects come from the list the stream handler keeps (model/keys.ts WEEKLY_REPORT_PK: a Query).
 * Once per project and week (the week's Monday, UTC): a lease item per (project, week) like the
 * reminders' (a second delivery of the schedule sends nothing). Admins who turned email off get none.
 *
 *   { operation: 'weeklyReport' }            → { week, projects: [{ projectId, sent: [emails] | skipped }] }
 * Env: TABLE_NAME, SENDER_EMAIL, WEB_URL; AWS_ENDPOINT_URL_<SERVICE> locally.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ENTITY, projectKey, projectSprintsQuery, WEEKLY_REPORT_PK, weeklyReportSentKey } from '../../model/keys.ts';
import { INDEX, TTL_ATTRIBUTE } from '../../model/table.ts';
import { render, send } from '../lib/email.ts';
import { members, people } from '../lib/people.ts';
import { docClient, tableName } from '../workers/db.ts';
import * as maths from './maths.ts';
import * as source from './source.ts';

export interface WeeklyResult {
  week: string;
  projects: { projectId: string; sent: string[]; skipped?: 'ALREADY_SENT' | 'ARCHIVED' }[];
}

/** Monday (UTC) of the week an instant is in. */
export function weekOf(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

async function listProjects(): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await docClient().send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': WEEKLY_REPORT_PK }, ExclusiveStartKey: start }),
    );
    for (const i of r.Items ?? []) if (typeof i.projectId === 'string') ids.push(i.projectId);
    start = r.LastEvaluatedKey;
  } while (start);
  return ids;
}

async function activeSprint(projectId: string): Promise<maths.SprintFact | null> {
  const q = projectSprintsQuery(projectId, 'ACTIVE');
  const r = await docClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: INDEX.byParent.name,
      KeyConditionExpression: `${INDEX.byParent.pk} = :pk AND begins_with(${INDEX.byParent.sk}, :p)`,
      ExpressionAttributeValues: { ':pk': q.GSI4PK, ':p': q.prefix },
      Limit: 1,
    }),
  );
  return (r.Items?.[0] as maths.SprintFact | undefined) ?? null;
}

/** The report's figures as lines (the text part; the HTML part lists the same lines). */
export function reportLines(input: { project: { key: string; name: string }; report: maths.ProjectReport; sprint: maths.SprintReport | null }): string[] {
  const { report, sprint } = input;
  const lines: string[] = [];
  lines.push(`Status: ${report.statusBreakdown.map((s) => `${s.status} ${s.tasks} tasks / ${s.points} points`).join(', ')}`);
  lines.push(`Overdue tasks: ${report.overdueTasks}`);
  if (sprint) lines.push(`Active sprint ${sprint.sprint.name}: ${sprint.completedPoints} of ${sprint.committedPoints} points done`);
  for (const v of report.velocity.slice(-3)) lines.push(`Velocity ${v.name}: ${v.completedPoints} of ${v.committedPoints} points`);
  for (const w of report.workload) {
    lines.push(`${w.displayName ?? w.userId}: ${w.openTasks} open tasks (${w.openPoints} points), ${w.donePoints} points done, ${w.timeSpentMinutes} minutes logged`);
  }
  return lines;
}

async function claimWeek(projectId: string, week: string, now: number): Promise<boolean> {
  try {
    await docClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: weeklyReportSentKey(projectId, week),
        UpdateExpression: 'SET entity = :e, claimedAt = :now, #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(PK) OR (attribute_not_exists(doneAt) AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':e': 'WeeklyReport', ':now': now, ':stale': now - 10 * 60_000, ':ttl': Math.floor(now / 1000) + 60 * 86_400 },
      }),
    );
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

export async function sendWeeklyReport(projectId: string, now: Date): Promise<WeeklyResult['projects'][number]> {
  const week = weekOf(now);
  const p = (await docClient().send(new GetCommand({ TableName: tableName(), Key: projectKey(projectId), ConsistentRead: true }))).Item;
  if (!p || p.entity !== ENTITY.project || p.archived === true) return { projectId, sent: [], skipped: 'ARCHIVED' };
  if (!(await claimWeek(projectId, week, now.getTime()))) return { projectId, sent: [], skipped: 'ALREADY_SENT' };
  const [completed, tally, names, active, all] = await Promise.all([
    source.completedSprints(projectId),
    source.boardTally(projectId),
    source.displayNames(projectId),
    activeSprint(projectId),
    members(projectId),
  ]);
  const report = maths.projectReport({ projectId, completedSprints: completed, tally, displayNames: names, now });
  const sprint = active ? maths.sprintReport({ sprint: active, tally: await source.sprintTally(active.id), displayNames: names, now }) : null;
  const project = { key: String(p.key), name: String(p.name) };
  const lines = reportLines({ project, report, sprint });
  const admins = all.filter((m) => m.role === 'ADMIN');
  const settings = await people(admins.map((a) => a.userId), new Map(admins.map((a) => [a.userId, a])));
  const sent: string[] = [];
  const web = process.env.WEB_URL;
  for (const a of admins) {
    const s = settings.get(a.userId)!;
    if (!s.email || !s.emailNotifications) continue;
    await send(
      render({
        to: s.email,
        subject: `[${project.key}] Weekly report, week of ${week}`,
        heading: `${project.name} (${project.key}): week of ${week}`,
        lines,
        link: web ? { url: `${web.replace(/\/+$/, '')}/p/${encodeURIComponent(projectId)}/reports`, label: 'Open the reports' } : null,
      }),
    );
    sent.push(s.email);
  }
  await docClient().send(
    new UpdateCommand({ TableName: tableName(), Key: weeklyReportSentKey(projectId, week), UpdateExpression: 'SET doneAt = :now, sentTo = :n', ExpressionAttributeValues: { ':now': now.toISOString(), ':n': sent.length } }),
  );
  return { projectId, sent };
}

export async function handler(event: { operation?: string } | undefined, _context?: unknown, clock: () => number = Date.now): Promise<WeeklyResult> {
  if (event?.operation !== undefined && event.operation !== 'weeklyReport') throw new Error(`weeklyReport: unknown operation ${JSON.stringify(event.operation)}`);
  const now = new Date(clock());
  const result: WeeklyResult = { week: weekOf(now), projects: [] };
  for (const projectId of await listProjects()) result.projects.push(await sendWeeklyReport(projectId, now));
  return result;
}
