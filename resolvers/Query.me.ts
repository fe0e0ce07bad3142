/** Query.me — pipeline [Query.me.get, Query.me.create]: the caller's profile, created with defaults on first call. */
import type { Context } from '@aws-appsync/utils';
import { signedInUser } from './lib/user.ts';

export function request(ctx: Context) {
  ctx.stash.user = signedInUser(ctx);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
