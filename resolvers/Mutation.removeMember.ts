/**
 * Mutation.removeMember — pipeline [loadProject, authorize(admin), loadMembership,
 * Mutation.removeMember.save]. The last ADMIN cannot be removed (ConflictError, reason LAST_ADMIN).
 *
 * NOTE (live-updates issue): removing a member must also end their live access — call
 * extensions.invalidateSubscriptions for onTaskChanged/onSprintChanged/onCommentAdded with
 * { projectId, userId } here once the subscription resolvers set a matching invalidation filter.
 * Their HTTP access ends at once (authorize reads the membership with a consistent read).
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationRemoveMemberArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<MutationRemoveMemberArgs>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.memberUserId = id(ctx.args.userId, 'userId');
  ctx.stash.need = 'admin';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
