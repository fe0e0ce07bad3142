/** myProjects' first step: one page of the caller's memberships (byParent). */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { userProjectsQuery } from '../model/keys.ts';
import type { Membership, QueryMyProjectsArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import type { SignedInUser } from './lib/user.ts';
import { byParent } from './lib/table.ts';

export function request(ctx: Context<QueryMyProjectsArgs>) {
  const q = userProjectsQuery((ctx.stash.user as SignedInUser).sub);
  return ddb.query({
    ...byParent(q),
    limit: ctx.stash.limit as number,
    nextToken: ctx.args.nextToken ?? null,
  });
}

export function response(ctx: Context) {
  const page = connection<Membership>(ctx);
  ctx.stash.memberships = page.items;
  ctx.stash.nextToken = page.nextToken;
  return page;
}
