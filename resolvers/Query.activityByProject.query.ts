/** activityByProject step: the project partition's history, newest first. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ACTIVITY_PREFIX, projectPk } from '../model/keys.ts';
import type { QueryActivityByProjectArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryActivityByProjectArgs, Stash>) {
  return ddb.query({
    query: { PK: { eq: projectPk(ctx.stash.projectId) }, SK: { beginsWith: ACTIVITY_PREFIX } },
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? undefined,
    scanIndexForward: false,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  return connection(ctx);
}
