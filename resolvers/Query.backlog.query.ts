/** backlog step: Query the project's backlog partition of bySprint, archived hidden unless asked. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { backlogPk } from '../model/keys.ts';
import type { QueryBacklogArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { archivedFilter } from './lib/task.ts';

export function request(ctx: Context<QueryBacklogArgs>) {
  return ddb.query({
    index: INDEX.bySprint.name,
    query: { [INDEX.bySprint.pk]: { eq: backlogPk(ctx.stash.projectId as string) } },
    limit: ctx.stash.limit as number,
    nextToken: ctx.args.nextToken ?? undefined,
    filter: archivedFilter(ctx.args.includeArchived),
  });
}

export function response(ctx: Context) {
  return connection(ctx);
}
