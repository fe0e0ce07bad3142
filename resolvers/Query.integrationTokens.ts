/** integrationTokens (project ADMINs). Hashes never leave the table. */
import type { Context } from '@aws-appsync/utils';
import type { QueryIntegrationTokensArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryIntegrationTokensArgs, Stash>) {
  return listRequest(ctx, 'projectId', 'admin');
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
