/**
 * Sprints: input checks, and the versioned write every sprint operation uses (sprint + project-level
 * activity, plus extra transact items such as the project's activeSprintId), with the byParent index
 * key recomputed from the state (model/keys.ts sprintIndexKeys).
 */
import { util } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { sprintIndexKeys, sprintKey, type SprintStateKey } from '../../model/keys.ts';
import type { ActivityAction } from '../../types/graphql.ts';
import { activityItem, diff } from './activity.ts';
import { validationError } from './errors.ts';
import { now } from './ids.ts';
import { tableName } from './table.ts';
import { versionedUpdate } from './versioned.ts';
import type { Stash } from './stash.ts';

export interface SprintItem {
  entity: string;
  id: string;
  projectId: string;
  name: string;
  goal: string | null;
  startsAt: string | null;
  endsAt: string | null;
  state: SprintStateKey;
  startedAt: string | null;
  completedAt: string | null;
  carriedOverTo: string | null;
  carryOverDone: boolean | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Longest sprint, from startsAt to endsAt: a year, leap day included (docs/dates.md). */
export const MAX_SPRINT_DAYS = 366;
const DAY_MS = 86400000;

/**
 * A sprint's pair of dates (either may be absent): endsAt not before startsAt and at most MAX_SPRINT_DAYS
 * after it, compared as instants (never as text). `blame` is the field the caller gave, named in the error.
 */
export function checkDates(startsAt: string | null | undefined, endsAt: string | null | undefined, blame: 'startsAt' | 'endsAt'): void {
  if (!startsAt || !endsAt) return;
  const start = util.time.parseISO8601ToEpochMilliSeconds(startsAt);
  const end = util.time.parseISO8601ToEpochMilliSeconds(endsAt);
  if (end < start) validationError('endsAt must not be before startsAt', blame);
  if (end - start > MAX_SPRINT_DAYS * DAY_MS) validationError(`A sprint lasts at most ${MAX_SPRINT_DAYS} days from startsAt to endsAt`, blame);
}

export function sprintWriteRequest(
  ctx: { env?: Record<string, string> | null; stash: Stash },
  fields: Record<string, unknown>,
  action: ActivityAction,
  extra?: unknown[],
  stateCondition?: SprintStateKey,
) {
  const table = tableName(ctx);
  const before = ctx.stash.sprint;
  const at = now();
  const after = Object.assign({}, before, fields, { version: before.version + 1, updatedAt: at }) as SprintItem;
  ctx.stash.sprintAfter = after;
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  Object.keys(fields).forEach((k) => {
    if (fields[k] === null || fields[k] === undefined) remove.push(k);
    else set[k] = fields[k];
  });
  if (after.state !== before.state) Object.assign(set, sprintIndexKeys(after.projectId, after.state, after.id));
  const update = versionedUpdate({ table, key: sprintKey(before.id), expectedVersion: before.version, set, remove, now: at });
  if (stateCondition) {
    (update.updateItem as { condition: Record<string, unknown> }).condition = {
      version: { eq: before.version },
      state: { eq: stateCondition },
    };
  }
  const changes = diff(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, [
    'name',
    'goal',
    'startsAt',
    'endsAt',
    'state',
    'carriedOverTo',
  ]);
  const items: unknown[] = [
    update,
    activityItem({ table, projectId: before.projectId, entityType: 'SPRINT', entityId: before.id, action, actor: ctx.stash.actor, changes, now: at }),
  ];
  (extra ?? []).forEach((x) => items.push(x));
  return ddb.transactWrite({ items: items as never });
}

/** Carry-over of at most this many tasks happens inside completeSprint's own transaction. */
export const INLINE_CARRY_OVER = 25;
