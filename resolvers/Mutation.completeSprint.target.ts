/**
 * completeSprint step: the carry-over target must be a PLANNED sprint of the same project (skipped for
 * the backlog). A sprint already COMPLETED whose carry-over has not finished (carryOverDone: false) is
 * resumed instead: ctx.stash.resume, and the later steps only re-start the worker.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { sprintKey } from '../model/keys.ts';
import { raiseIfError, stateConflict, validationError } from './lib/errors.ts';
import type { SprintItem } from './lib/sprint.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const sprint = ctx.stash.sprint;
  if (sprint.state === 'COMPLETED' && sprint.carryOverDone === false) {
    if (ctx.stash.targetId && ctx.stash.targetId !== sprint.carriedOverTo) {
      validationError('This sprint is already carrying its tasks over elsewhere; omit carryOverTo to resume', 'carryOverTo');
    }
    ctx.stash.resume = true;
    ctx.stash.sprintAfter = sprint;
    runtime.earlyReturn(sprint, { skipTo: 'NEXT' });
  }
  if (sprint.state !== 'ACTIVE') stateConflict(`The sprint is ${sprint.state}, not ACTIVE`, 'SPRINT_NOT_ACTIVE');
  if (!ctx.stash.targetId) runtime.earlyReturn(null, { skipTo: 'NEXT' });
  return ddb.get({ key: sprintKey(ctx.stash.targetId), consistentRead: true });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const target = ctx.result as SprintItem | null;
  if (!target || target.entity !== 'Sprint' || target.projectId !== ctx.stash.projectId) {
    return validationError('carryOverTo: no such sprint in this project', 'carryOverTo');
  }
  if (target.state !== 'PLANNED') return validationError('carryOverTo must be a PLANNED sprint', 'carryOverTo');
  ctx.stash.target = target;
  return target;
}
