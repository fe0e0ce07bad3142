/**
 * Subscription.onNotification — unit on NONE, runs once when a subscription starts: only the user
 * themself may subscribe (else Unauthorized); the enhanced filter delivers only their notifications.
 */
import { util, extensions, type Context } from '@aws-appsync/utils';
import type { SubscriptionOnNotificationArgs } from '../types/graphql.ts';
import { signedInUser } from './lib/user.ts';
import type { Stash } from './lib/stash.ts';

export function request() {
  return { payload: null };
}

export function response(ctx: Context<SubscriptionOnNotificationArgs, Stash>) {
  const user = signedInUser(ctx);
  if (user.sub !== ctx.args.userId) return util.unauthorized();
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ userId: { eq: user.sub } }));
  return null;
}
