/** tasksByStatus step: the Query (byStatus, or bySprint with the status prefix), archived hidden unless asked. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { sprintPk, sprintStatusPrefix, statusColumnPk } from '../model/keys.ts';
import type { QueryTasksByStatusArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { archivedFilter } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryTasksByStatusArgs, Stash>) {
  const status = ctx.stash.status;
  const common = {
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? undefined,
    filter: archivedFilter(ctx.args.includeArchived),
  };
  if (ctx.stash.sprintId) {
    return ddb.query({
      ...common,
      index: INDEX.bySprint.name,
      query: {
        [INDEX.bySprint.pk]: { eq: sprintPk(ctx.stash.sprintId) },
        [INDEX.bySprint.sk]: { beginsWith: sprintStatusPrefix(status) },
      },
    });
  }
  return ddb.query({
    ...common,
    index: INDEX.byStatus.name,
    query: { [INDEX.byStatus.pk]: { eq: statusColumnPk(ctx.stash.projectId, status) } },
  });
}

export function response(ctx: Context<unknown, Stash>) {
  return connection(ctx);
}
