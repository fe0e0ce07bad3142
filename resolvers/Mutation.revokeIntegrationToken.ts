/**
 * revokeIntegrationToken (project ADMINs). Revoking a revoked token
 * returns it unchanged. The authorizer answers with ttlOverride 0, so the next request is refused, and
 * the token's live subscriptions on the project are closed at once (lib/live.ts).
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationRevokeIntegrationTokenArgs } from '../types/graphql.ts';
import { tokenActorId } from './lib/actor.ts';
import { invalidateMemberSubscriptions } from './lib/live.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<MutationRevokeIntegrationTokenArgs>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.tokenId = id(ctx.args.id, 'id');
  ctx.stash.need = 'admin';
  return {};
}

export function response(ctx: Context) {
  invalidateMemberSubscriptions(ctx.stash.projectId as string, tokenActorId(ctx.stash.tokenId as string));
  return ctx.prev.result;
}
