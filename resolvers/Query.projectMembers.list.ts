/** projectMembers' list: Query PROJECT#p, SK begins_with MEMBER#. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { MEMBER_PREFIX, projectPk } from '../model/keys.ts';
import type { Membership, QueryProjectMembersArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';

export function request(ctx: Context<QueryProjectMembersArgs>) {
  return ddb.query({
    query: { PK: { eq: projectPk(ctx.stash.projectId as string) }, SK: { beginsWith: MEMBER_PREFIX } },
    limit: ctx.stash.limit as number,
    nextToken: ctx.args.nextToken ?? null,
  });
}

export function response(ctx: Context) {
  return connection<Membership>(ctx);
}
