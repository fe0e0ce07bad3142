/** Query.integrationTokens — pipeline [loadProject, authorize(admin), Query.integrationTokens.list]. Hashes never leave the table. */
import type { Context } from '@aws-appsync/utils';
import type { QueryIntegrationTokensArgs } from '../types/graphql.ts';
import { pageLimit } from './lib/page.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<QueryIntegrationTokensArgs>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.need = 'admin';
  ctx.stash.limit = pageLimit(ctx.args.limit);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
