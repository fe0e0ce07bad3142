/**
 * Mutation.revokeIntegrationToken — pipeline [loadProject, authorize(admin),
 * Mutation.revokeIntegrationToken.load, Mutation.revokeIntegrationToken.save]. Revoking a revoked token
 * returns it unchanged. The authorizer answers with ttlOverride 0, so the next request is refused.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationRevokeIntegrationTokenArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<MutationRevokeIntegrationTokenArgs>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.tokenId = id(ctx.args.id, 'id');
  ctx.stash.need = 'admin';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
