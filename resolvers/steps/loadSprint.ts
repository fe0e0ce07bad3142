/**
 * Pipeline step: loads the sprint `ctx.stash.sprintId` into `ctx.stash.sprint`; skipped when no sprintId
 * is stashed. When `ctx.stash.projectId` is already known the sprint must belong to it, else NotFound;
 * otherwise it sets `ctx.stash.projectId` for the authorize step.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import type { SprintItem } from '../lib/sprint.ts';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, sprintKey } from '../../model/keys.ts';
import { notFound, raiseIfError } from '../lib/errors.ts';
import type { Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  if (!ctx.stash.sprintId) runtime.earlyReturn(null, { skipTo: 'NEXT' });
  // Only when there is a sprint to look up: a refusal otherwise names the project, not a sprint never asked for.
  ctx.stash.what = 'Sprint';
  return ddb.get({ key: sprintKey(ctx.stash.sprintId), consistentRead: true });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const sprint = ctx.result as SprintItem | null;
  if (!sprint || sprint.entity !== ENTITY.sprint) return notFound('Sprint');
  if (ctx.stash.projectId && ctx.stash.projectId !== sprint.projectId) return notFound('Sprint');
  ctx.stash.sprint = sprint;
  ctx.stash.projectId = sprint.projectId;
  return sprint;
}
