/** sprintsByProject step: the byParent Query. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectSprintsQuery, type SprintStateKey } from '../model/keys.ts';
import type { QuerySprintsByProjectArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { byParent } from './lib/table.ts';

export function request(ctx: Context<QuerySprintsByProjectArgs>) {
  const q = projectSprintsQuery(ctx.stash.projectId as string, ctx.stash.state as SprintStateKey | null);
  return ddb.query({
    ...byParent(q),
    limit: ctx.stash.limit as number,
    nextToken: ctx.args.nextToken ?? undefined,
  });
}

export function response(ctx: Context) {
  return connection(ctx);
}
