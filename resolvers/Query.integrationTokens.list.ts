/** integrationTokens' list: Query PROJECT#p, SK begins_with TOKEN#, without the hash. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectPk, TOKEN_PREFIX } from '../model/keys.ts';
import type { IntegrationToken, QueryIntegrationTokensArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { withoutSecret } from './lib/tokens.ts';

export function request(ctx: Context<QueryIntegrationTokensArgs>) {
  return ddb.query({
    query: { PK: { eq: projectPk(ctx.stash.projectId as string) }, SK: { beginsWith: TOKEN_PREFIX } },
    limit: ctx.stash.limit as number,
    nextToken: ctx.args.nextToken ?? null,
  });
}

export function response(ctx: Context) {
  const page = connection<IntegrationToken & { secretHash?: string }>(ctx);
  return { items: page.items.map((t) => withoutSecret(t)), nextToken: page.nextToken };
}
