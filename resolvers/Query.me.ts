/** Query.me: the caller's profile, created on first call. */
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
