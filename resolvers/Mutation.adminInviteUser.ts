/**
 * Mutation.adminInviteUser (global Admins) — unit resolver on Lambda `admin`: AdminCreateUser (Cognito
 * emails a temporary password). An email that already has an account answers that account unchanged.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationAdminInviteUserArgs } from '../types/graphql.ts';
import { adminAnswer, globalAdmin, invokeAdmin } from './lib/admin.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationAdminInviteUserArgs, Stash>) {
  globalAdmin(ctx);
  return invokeAdmin({ action: 'invite', email: ctx.args.email, displayName: ctx.args.displayName ?? null });
}

export function response(ctx: Context<unknown, Stash>) {
  return adminAnswer(ctx, 'Inviting the user');
}
