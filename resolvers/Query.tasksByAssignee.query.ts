/** tasksByAssignee step: the byAssignee Query (optional status prefix), archived and a token's other projects filtered out. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { assigneePk, assigneeStatusPrefix } from '../model/keys.ts';
import type { QueryTasksByAssigneeArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryTasksByAssigneeArgs, Stash>) {
  const filter: Record<string, unknown> = {};
  if (!ctx.args.includeArchived) filter.archived = { ne: true };
  if (ctx.stash.tokenProjectId) filter.projectId = { eq: ctx.stash.tokenProjectId };
  const query: Record<string, unknown> = { [INDEX.byAssignee.pk]: { eq: assigneePk(ctx.stash.personId) } };
  if (ctx.stash.statusPrefix) {
    query[INDEX.byAssignee.sk] = { beginsWith: assigneeStatusPrefix(ctx.stash.statusPrefix) };
  }
  return ddb.query({
    index: INDEX.byAssignee.name,
    query,
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? undefined,
    filter: Object.keys(filter).length > 0 ? filter : undefined,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  return connection(ctx);
}
