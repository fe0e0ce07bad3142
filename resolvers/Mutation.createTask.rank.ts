/** createTask step: the new task's rank, below the last card of the project's TODO column. */
import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { statusColumnPk } from '../model/keys.ts';
import { raiseIfError, validationError } from './lib/errors.ts';
import { rankBetween, uniqueRank } from './lib/rank.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const sprint = ctx.stash.sprint;
  if (sprint && sprint.state === 'COMPLETED') validationError('Tasks cannot be added to a completed sprint', 'sprintId');
  return ddb.query({
    index: INDEX.byStatus.name,
    query: { [INDEX.byStatus.pk]: { eq: statusColumnPk(ctx.stash.projectId, 'TODO') } },
    scanIndexForward: false,
    limit: 1,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const last = ((ctx.result as { items?: { rank: string }[] }).items ?? [])[0];
  const rank = rankBetween(last ? last.rank : null, null);
  if (rank === null) return validationError('The TODO column cannot take another card', 'status');
  // The column's last card comes from an index (eventually consistent): cards created at the same
  // moment would compute the same rank without the tail.
  const unique = uniqueRank(rank, util.autoUlid());
  if (unique === null) return validationError('The TODO column cannot take another card', 'status');
  ctx.stash.rank = unique;
  return unique;
}
