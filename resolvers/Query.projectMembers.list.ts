/** projectMembers' list: Query PROJECT#p, SK begins_with MEMBER#. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { MEMBER_PREFIX, projectPk } from '../model/keys.ts';
import type { Membership, QueryProjectMembersArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryProjectMembersArgs, Stash>) {
  return ddb.query({
    query: { PK: { eq: projectPk(ctx.stash.projectId) }, SK: { beginsWith: MEMBER_PREFIX } },
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? null,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  return connection<Membership>(ctx);
}
