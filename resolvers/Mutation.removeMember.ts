/**
 * removeMember (project ADMINs). The last ADMIN cannot be removed (ConflictError, reason LAST_ADMIN).
 *
 * Removing a member also ends their live access at once: the response invalidates their
 * onTaskChanged / onSprintChanged / onCommentAdded subscriptions of this project with the payload
 * { projectId, userId } that the subscription resolvers' invalidation filters match (lib/live.ts);
 * AppSync then closes those subscribers' WebSocket connections. Their HTTP access ends at once too
 * (authorize reads the membership with a consistent read).
 */
import type { Context } from '@aws-appsync/utils';
import type { Membership, MutationRemoveMemberArgs } from '../types/graphql.ts';
import { invalidateMemberSubscriptions } from './lib/live.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationRemoveMemberArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.memberUserId = id(ctx.args.userId, 'userId');
  ctx.stash.need = 'admin';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  const removed = ctx.prev.result as Membership;
  invalidateMemberSubscriptions(removed.projectId, removed.userId);
  return removed;
}
