/**
 * markNotificationsRead: either `ids` (at most 25, the caller's own; unknown ids are
 * ignored) or `all: true` (the 25 newest unread per call: when `updated` is 25, call again).
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationMarkNotificationsReadArgs } from '../types/graphql.ts';
import { validationError } from './lib/errors.ts';
import { signedInUser } from './lib/user.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export const MAX_PER_CALL = 25;

export function request(ctx: Context<MutationMarkNotificationsReadArgs, Stash>) {
  ctx.stash.user = signedInUser(ctx);
  const ids = ctx.args.ids ?? null;
  const all = !!ctx.args.all;
  if (all === (ids !== null)) return validationError('Give either ids or all: true', 'ids');
  if (ids !== null) {
    if (ids.length > MAX_PER_CALL) validationError(`At most ${MAX_PER_CALL} ids per call`, 'ids');
    const cleaned = ids.map((i) => id(i, 'ids'));
    ctx.stash.ids = cleaned.filter((i, n) => cleaned.indexOf(i) === n);
  }
  ctx.stash.limit = MAX_PER_CALL;
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
