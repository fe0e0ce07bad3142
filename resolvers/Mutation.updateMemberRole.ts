/** updateMemberRole (project ADMINs). The last ADMIN cannot be demoted (ConflictError, reason LAST_ADMIN). */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateMemberRoleArgs } from '../types/graphql.ts';
import { id, oneOf } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateMemberRoleArgs, Stash>) {
  const input = ctx.args.input;
  ctx.stash.projectId = id(input.projectId, 'projectId');
  ctx.stash.memberUserId = id(input.userId, 'userId');
  ctx.stash.role = oneOf(input.role, 'role', ['ADMIN', 'MEMBER', 'VIEWER']);
  ctx.stash.need = 'admin';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
