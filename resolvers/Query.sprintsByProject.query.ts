/** sprintsByProject step: the byParent Query. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectSprintsQuery } from '../model/keys.ts';
import type { QuerySprintsByProjectArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { byParent } from './lib/table.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QuerySprintsByProjectArgs, Stash>) {
  const q = projectSprintsQuery(ctx.stash.projectId, ctx.stash.state);
  return ddb.query({
    ...byParent(q),
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? undefined,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  return connection(ctx);
}
