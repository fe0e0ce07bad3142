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
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationRevokeIntegrationTokenArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.tokenId = id(ctx.args.id, 'id');
  ctx.stash.need = 'admin';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  invalidateMemberSubscriptions(ctx.stash.projectId, tokenActorId(ctx.stash.tokenId));
  return ctx.prev.result;
}
