/** integrationTokens (project ADMINs). Hashes never leave the table. */
import type { Context } from '@aws-appsync/utils';
import type { QueryIntegrationTokensArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';

export function request(ctx: Context<QueryIntegrationTokensArgs>) {
  return listRequest(ctx, 'projectId', 'admin');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
