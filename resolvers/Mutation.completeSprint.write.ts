/**
 * completeSprint step: sprint COMPLETED (+ its committed/completed points when known) + project
 * activeSprintId cleared (+ inline carry-over), one transaction.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectKey, sprintKey } from '../model/keys.ts';
import { cancellation, conflict, stateConflict, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { sprintWriteRequest } from './lib/sprint.ts';
import { tableName } from './lib/table.ts';
import { taskActivity, taskChange } from './lib/task.ts';
import { diff } from './lib/activity.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  if (ctx.stash.resume) runtime.earlyReturn(ctx.stash.sprintAfter, { skipTo: 'NEXT' });
  const table = tableName(ctx);
  const sprint = ctx.stash.sprint;
  const targetId = ctx.stash.targetId ?? null;
  const at = now();
  const extra: unknown[] = [
    {
      updateItem: {
        table,
        key: projectKey(sprint.projectId),
        update: { activeSprintId: ddb.operations.remove(), updatedAt: at, version: ddb.operations.increment(1) },
        condition: { activeSprintId: { eq: sprint.id } },
      },
    },
  ];
  if (targetId) {
    extra.push({ conditionCheck: { table, key: sprintKey(targetId), condition: { state: { eq: 'PLANNED' } } } });
  }
  ctx.stash.firstTaskIndex = 2 + extra.length;
  const actor = ctx.stash.actor;
  (ctx.stash.unfinished ?? []).forEach((t) => {
    const { tx, after } = taskChange(table, t, { sprintId: targetId }, at);
    extra.push(tx);
    extra.push(
      taskActivity(table, actor, after, 'UPDATED', diff(t as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, ['sprintId']), at),
    );
  });
  // committed/completed points when .tasks saw the whole sprint (else the carry-over worker records them).
  const points = ctx.stash.points ?? {};
  return sprintWriteRequest(
    ctx,
    Object.assign({ state: 'COMPLETED', completedAt: at, carriedOverTo: targetId, carryOverDone: !!ctx.stash.inline }, points),
    'COMPLETED',
    extra,
    'ACTIVE',
  );
}

export function response(ctx: Context<unknown, Stash>) {
  const c = cancellation(ctx);
  if (c && c.index === 2) return stateConflict('The project no longer has this sprint active', 'SPRINT_NOT_ACTIVE');
  if (c && c.index === 3 && ctx.stash.targetId) {
    return stateConflict('The carry-over sprint is no longer PLANNED', 'TARGET_NOT_PLANNED');
  }
  if (c && c.index >= ctx.stash.firstTaskIndex) {
    return conflict(null);
  }
  if (c) versionedTxFailure(c, 0, 'Sprint', ctx.stash.sprint.version);
  return ctx.stash.sprintAfter;
}
