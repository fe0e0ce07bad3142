/** tasksByStatus step: the Query (byStatus, or bySprint with the status prefix), archived hidden unless asked. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { sprintPk, sprintStatusPrefix, statusColumnPk, type TaskStatusKey } from '../model/keys.ts';
import type { QueryTasksByStatusArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { archivedFilter } from './lib/task.ts';

export function request(ctx: Context<QueryTasksByStatusArgs>) {
  const status = ctx.stash.status as TaskStatusKey;
  const common = {
    limit: ctx.stash.limit as number,
    nextToken: ctx.args.nextToken ?? undefined,
    filter: archivedFilter(ctx.args.includeArchived),
  };
  if (ctx.stash.sprintId) {
    return ddb.query({
      ...common,
      index: INDEX.bySprint.name,
      query: {
        [INDEX.bySprint.pk]: { eq: sprintPk(ctx.stash.sprintId as string) },
        [INDEX.bySprint.sk]: { beginsWith: sprintStatusPrefix(status) },
      },
    });
  }
  return ddb.query({
    ...common,
    index: INDEX.byStatus.name,
    query: { [INDEX.byStatus.pk]: { eq: statusColumnPk(ctx.stash.projectId as string, status) } },
  });
}

export function response(ctx: Context) {
  return connection(ctx);
}
