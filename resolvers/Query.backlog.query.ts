/** backlog step: Query the project's backlog partition of bySprint, archived hidden unless asked. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { backlogPk } from '../model/keys.ts';
import type { QueryBacklogArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { archivedFilter } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryBacklogArgs, Stash>) {
  return ddb.query({
    index: INDEX.bySprint.name,
    query: { [INDEX.bySprint.pk]: { eq: backlogPk(ctx.stash.projectId) } },
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? undefined,
    filter: archivedFilter(ctx.args.includeArchived),
  });
}

export function response(ctx: Context<unknown, Stash>) {
  return connection(ctx);
}
