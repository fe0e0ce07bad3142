/**
 * moveTask step: finds the neighbour the client did not name, so the card lands right below `afterId`
 * (or right above `beforeId`, or at the bottom), then computes the new rank. The moving card itself is
 * skipped (hence limit 2). Skipped when both neighbours are named, unless they share a rank (written
 * before ranks were made unique): nothing fits between equal ranks, so the card goes right below both.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { statusColumnPk } from '../model/keys.ts';
import { raiseIfError, validationError } from './lib/errors.ts';
import { rankBetween, uniqueRank } from './lib/rank.ts';
import type { TaskItem } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

function place(ctx: Context<unknown, Stash>, above: TaskItem | null, below: TaskItem | null) {
  const rank = rankBetween(above ? above.rank : null, below ? below.rank : null);
  if (rank === null) return validationError('No room between these neighbours; reload the board and try again', 'afterId');
  // Two cards moved into the same gap at the same moment would otherwise share a rank.
  const unique = uniqueRank(rank, ctx.stash.taskId, below ? below.rank : null);
  if (unique === null) return validationError('No room between these neighbours; reload the board and try again', 'afterId');
  ctx.stash.rank = unique;
  return unique;
}

export function request(ctx: Context<unknown, Stash>) {
  const above = ctx.stash.above ?? null;
  const below = ctx.stash.below ?? null;
  const tied = !!above && !!below && above.rank === below.rank;
  if (above && below && !tied) runtime.earlyReturn(place(ctx, above, below), { skipTo: 'NEXT' });
  const pk = statusColumnPk(ctx.stash.projectId, ctx.stash.status);
  const sk = INDEX.byStatus.sk;
  const key: Record<string, unknown> = { [INDEX.byStatus.pk]: { eq: pk } };
  if (above) key[sk] = { gt: above.rank };
  else if (below) key[sk] = { lt: below.rank };
  return ddb.query({ index: INDEX.byStatus.name, query: key, scanIndexForward: !!above, limit: 2 });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const next = ((ctx.result as { items?: TaskItem[] }).items ?? []).find((t) => t.id !== ctx.stash.taskId) ?? null;
  const above = ctx.stash.above ?? null;
  const below = ctx.stash.below ?? null;
  if (above) return place(ctx, above, next);
  if (below) return place(ctx, next, below);
  return place(ctx, next, null);
}
