/**
 * Stories: acceptance criteria validation, `progress` derived from the counters every task write keeps
 * on the story (tasksTotal/tasksDone/pointsTotal/pointsDone) plus the criteria, and the versioned write
 * every story operation uses (story + project-level activity in one transaction).
 */
import { util } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { storyKey } from '../../model/keys.ts';
import type { ActivityAction, StoryProgress } from '../../types/graphql.ts';
import { activityItem, diff } from './activity.ts';
import { cancellation, versionedTxFailure } from './errors.ts';
import { now } from './ids.ts';
import { tableName } from './table.ts';
import { LIMITS, text } from './validate.ts';
import { versionedUpdate } from './versioned.ts';
import type { Stash } from './stash.ts';

export const MAX_CRITERIA = 50;

export interface Criterion {
  id: string;
  text: string;
  done: boolean;
}

export interface StoryItem {
  entity: string;
  id: string;
  projectId: string;
  title: string;
  description: string | null;
  points: number | null;
  acceptanceCriteria: Criterion[];
  tasksTotal: number;
  tasksDone: number;
  pointsTotal: number;
  pointsDone: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function criterionText(v: unknown): string {
  return text(v, 'acceptanceCriteria', LIMITS.title * 5);
}

export function newCriterion(t: unknown): Criterion {
  return { id: util.autoId(), text: criterionText(t), done: false };
}

export function progress(s: StoryItem): StoryProgress {
  const criteria = s.acceptanceCriteria ?? [];
  const criteriaDone = criteria.filter((c) => c.done).length;
  const tasksTotal = s.tasksTotal ?? 0;
  const tasksDone = s.tasksDone ?? 0;
  const all = tasksTotal + criteria.length;
  return {
    tasksTotal,
    tasksDone,
    pointsTotal: s.pointsTotal ?? 0,
    pointsDone: s.pointsDone ?? 0,
    criteriaTotal: criteria.length,
    criteriaDone,
    percent: all === 0 ? 0 : Math.floor(((tasksDone + criteriaDone) * 100) / all),
  };
}

export function toStory(s: StoryItem) {
  return Object.assign({}, s, { progress: progress(s) });
}

/** The versioned story write: SET `fields` (null → REMOVE), version+1, activity; `after` in ctx.stash.storyAfter. */
export function storyWriteRequest(
  ctx: { env?: Record<string, string> | null; stash: Stash },
  fields: Record<string, unknown>,
  action: ActivityAction,
) {
  const table = tableName(ctx);
  const before = ctx.stash.story;
  const at = now();
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  Object.keys(fields).forEach((k) => {
    if (fields[k] === null || fields[k] === undefined) remove.push(k);
    else set[k] = fields[k];
  });
  const after = Object.assign({}, before, fields, { version: before.version + 1, updatedAt: at }) as StoryItem;
  ctx.stash.storyAfter = after;
  const changes = diff(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, [
    'title',
    'description',
    'points',
    'acceptanceCriteria',
  ]);
  return ddb.transactWrite({
    items: [
      versionedUpdate({ table, key: storyKey(before.id), expectedVersion: before.version, set, remove, now: at }),
      activityItem({
        table,
        projectId: before.projectId,
        entityType: 'STORY',
        entityId: before.id,
        action,
        actor: ctx.stash.actor,
        changes,
        now: at,
      }),
    ] as never,
  });
}

export function storyWriteResult(ctx: { error?: { message: string; type: string } | null; result?: unknown; stash: Stash }) {
  const c = cancellation(ctx);
  if (c) versionedTxFailure(c, 0, 'Story', ctx.stash.story.version);
  return toStory(ctx.stash.storyAfter);
}
