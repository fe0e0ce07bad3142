/** Query.me: the caller's profile, created on first call. */
import type { Context } from '@aws-appsync/utils';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
