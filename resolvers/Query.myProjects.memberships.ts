/** myProjects' first step: one page of the caller's memberships (byParent). */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { userProjectsQuery } from '../model/keys.ts';
import type { Membership, QueryMyProjectsArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { byParent } from './lib/table.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryMyProjectsArgs, Stash>) {
  const q = userProjectsQuery(ctx.stash.user.sub);
  return ddb.query({
    ...byParent(q),
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? null,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const page = connection<Membership>(ctx);
  ctx.stash.memberships = page.items;
  ctx.stash.nextToken = page.nextToken;
  return page;
}
