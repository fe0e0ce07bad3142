/** integrationTokens' list: Query PROJECT#p, SK begins_with TOKEN#, without the hash. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectPk, TOKEN_PREFIX } from '../model/keys.ts';
import type { IntegrationToken, QueryIntegrationTokensArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { withoutSecret } from './lib/tokens.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryIntegrationTokensArgs, Stash>) {
  return ddb.query({
    query: { PK: { eq: projectPk(ctx.stash.projectId) }, SK: { beginsWith: TOKEN_PREFIX } },
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? null,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const page = connection<IntegrationToken & { secretHash?: string }>(ctx);
  return { items: page.items.map((t) => withoutSecret(t)), nextToken: page.nextToken };
}
