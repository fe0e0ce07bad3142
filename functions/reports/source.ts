/**
 * Where the reports' numbers come from — the only module of functions/reports that reads the table.
 * Every read is a GetItem or a Query on a key or index (model/keys.ts), paginated to the end; never a
 * Scan.
 *
 *   sprint(sprintId)             the Sprint item (GetItem)                         table
 *   sprintTally(sprintId)        the sprint's report aggregate (GetItem)           table     SPRINT#<id> / REPORT
 *   boardTally(projectId)        the project's report aggregate (GetItem)          table     PROJECT#<id> / REPORT
 *   completedSprints(projectId)  COMPLETED sprints with their recorded points      byParent  PROJECT#<id> / SPRINT#COMPLETED#
 *   displayNames(projectId)      members' display names                            table     PROJECT#<id> / MEMBER#
 *
 * The aggregates are kept by the stream handler (functions/stream/aggregates.ts; docs/access-patterns.md
 * "Report aggregates"), so a report costs the same for a sprint of 20 tasks or 2,000: they are
 * eventually consistent (a change counts once its stream record is processed, normally within a
 * second or two). The partition tallies (every task of a sprint or board column, folded page by page)
 * remain for what must see the table as it is this instant: the points a sprint records when it
 * completes (sprintPointTotals), and recomputation checks.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  ENTITY,
  MEMBER_PREFIX,
  projectPk,
  projectReportKey,
  projectSprintsQuery,
  sprintKey,
  sprintReportKey,
  sprintPk,
  statusColumnPk,
} from '../../model/keys.ts';
import { INDEX } from '../../model/table.ts';
import { docClient, tableName } from '../workers/db.ts';
import { dailyFromItem, tallyFromItem } from './aggregate.ts';
import { addTask, emptyTally, STATUSES, type SprintFact, type TaskFact, type Tally } from './maths.ts';

/** The task attributes the tally reads (a projection: less to read per page). */
const TASK_FIELDS = ['status', 'estimatePoints', 'assigneeId', 'dueAt', 'timeSpentMinutes', 'doneAt', 'updatedAt', 'archived'];

/** Items per Query page: bounded, so a big sprint is read in several small pages. */
export const PAGE_SIZE = 100;

/**
 * Every item of a Query, page after page (each handed to `each`, nothing kept). After each page the
 * event loop gets a turn: locally the function runs in the API's own process, so however big the
 * sprint, folding it never holds every other request for more than one page.
 */
async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, each: (item: Record<string, unknown>) => void): Promise<void> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await docClient().send(new QueryCommand({ ...input, TableName: tableName(), Limit: PAGE_SIZE, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) each(item);
    await nextTurn();
    start = page.LastEvaluatedKey;
  } while (start);
}

function projection(fields: string[]): Pick<QueryCommandInput, 'ProjectionExpression' | 'ExpressionAttributeNames'> {
  const names: Record<string, string> = {};
  fields.forEach((f, i) => (names[`#f${i}`] = f));
  return { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names };
}

async function tallyPartition(indexName: string, pkAttr: string, pk: string, tally: Tally): Promise<Tally> {
  const p = projection(TASK_FIELDS);
  await queryAll(
    {
      IndexName: indexName,
      KeyConditionExpression: '#pk = :pk',
      ...p,
      ExpressionAttributeNames: { ...p.ExpressionAttributeNames, '#pk': pkAttr },
      ExpressionAttributeValues: { ':pk': pk },
    },
    (item) => addTask(tally, item as unknown as TaskFact),
  );
  return tally;
}

export async function sprint(sprintId: string): Promise<SprintFact | null> {
  const r = await docClient().send(new GetCommand({ TableName: tableName(), Key: sprintKey(sprintId), ConsistentRead: true }));
  const item = r.Item as (SprintFact & { entity?: string }) | undefined;
  return item && item.entity === ENTITY.sprint ? item : null;
}

async function aggregate(key: { PK: string; SK: string }): Promise<Record<string, unknown> | null> {
  const r = await docClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return (r.Item as Record<string, unknown> | undefined) ?? null;
}

/** The sprint's tally, from its report aggregate (no aggregate yet: nothing counted). */
export async function sprintTally(sprintId: string): Promise<Tally> {
  return tallyFromItem(await aggregate(sprintReportKey(sprintId)));
}

/** The project's board tally (every task of the project), from its report aggregate. */
export async function boardTally(projectId: string): Promise<Tally> {
  return tallyFromItem(await aggregate(projectReportKey(projectId)));
}

/** Per-day scope and done figures of a sprint (its aggregate). */
export async function sprintDaily(sprintId: string) {
  return dailyFromItem(await aggregate(sprintReportKey(sprintId)));
}

/** Every task in the sprint's partition of bySprint (all statuses), read now. */
export function sprintPartitionTally(sprintId: string): Promise<Tally> {
  return tallyPartition(INDEX.bySprint.name, INDEX.bySprint.pk, sprintPk(sprintId), emptyTally());
}

/** Every column of the project's board (byStatus, one partition per status), read now. */
export async function boardPartitionTally(projectId: string): Promise<Tally> {
  const tally = emptyTally();
  // The columns are read side by side, all folded into one tally (callbacks run one at a time).
  await Promise.all(STATUSES.map((status) => tallyPartition(INDEX.byStatus.name, INDEX.byStatus.pk, statusColumnPk(projectId, status), tally)));
  return tally;
}

/**
 * The project's COMPLETED sprints, each with the committed/completed points recorded when it completed.
 * A sprint completed before points were recorded is counted from its partition instead (its DONE work
 * stays there; its unfinished work may have been carried away, so committed is then a lower bound).
 */
export async function completedSprints(projectId: string): Promise<SprintFact[]> {
  const q = projectSprintsQuery(projectId, 'COMPLETED');
  const sprints: SprintFact[] = [];
  await queryAll(
    {
      IndexName: INDEX.byParent.name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': INDEX.byParent.pk, '#sk': INDEX.byParent.sk },
      ExpressionAttributeValues: { ':pk': q.GSI4PK, ':prefix': q.prefix },
    },
    (item) => {
      if (item.entity === ENTITY.sprint) sprints.push(item as unknown as SprintFact);
    },
  );
  for (const s of sprints) {
    if (typeof s.committedPoints === 'number' && typeof s.completedPoints === 'number') continue;
    const totals = await sprintPointTotals(s.id);
    s.committedPoints = totals.committedPoints;
    s.completedPoints = totals.completedPoints;
  }
  return sprints;
}

/** What a sprint's partition holds now: every point (committed) and the DONE ones (completed). */
export async function sprintPointTotals(sprintId: string): Promise<{ committedPoints: number; completedPoints: number }> {
  const t = await sprintPartitionTally(sprintId);
  return { committedPoints: t.points, completedPoints: t.byStatus.DONE.points };
}

/** Display names of the project's members (invited people included), by user id. */
export async function displayNames(projectId: string): Promise<Map<string, string | null>> {
  const names = new Map<string, string | null>();
  const p = projection(['userId', 'displayName']);
  await queryAll(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ...p,
      ExpressionAttributeValues: { ':pk': projectPk(projectId), ':prefix': MEMBER_PREFIX },
    },
    (item) => {
      if (typeof item.userId === 'string') names.set(item.userId, typeof item.displayName === 'string' ? item.displayName : null);
    },
  );
  return names;
}
