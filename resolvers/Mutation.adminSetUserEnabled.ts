/**
 * Mutation.adminSetUserEnabled (global Admins) — unit resolver on Lambda `admin`: AdminDisableUser +
 * AdminUserGlobalSignOut (their refresh tokens stop working), or AdminEnableUser. An Admin cannot
 * disable themselves (ValidationError); an unknown userId is NotFound.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationAdminSetUserEnabledArgs } from '../types/graphql.ts';
import { adminAnswer, globalAdmin, invokeAdmin } from './lib/admin.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationAdminSetUserEnabledArgs, Stash>) {
  const caller = globalAdmin(ctx);
  return invokeAdmin({ action: 'setEnabled', userId: id(ctx.args.userId, 'userId'), enabled: ctx.args.enabled, callerId: caller.sub });
}

export function response(ctx: Context<unknown, Stash>) {
  return adminAnswer(ctx, 'Changing the user');
}
