/** Pipeline function of Query.myProjects: one page of the caller's memberships (byParent). */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { userProjectsQuery } from '../model/keys.ts';
import { INDEX } from '../model/table.ts';
import type { Membership, QueryMyProjectsArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import type { SignedInUser } from './lib/user.ts';

export function request(ctx: Context<QueryMyProjectsArgs>) {
  const q = userProjectsQuery((ctx.stash.user as SignedInUser).sub);
  return ddb.query({
    index: INDEX.byParent.name,
    query: { GSI4PK: { eq: q.GSI4PK }, GSI4SK: { beginsWith: q.prefix } },
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
