/**
 * Shared step `profileGet`: the signed-in person's profile item, or null when they have none yet.
 * Sets ctx.stash.user (lib/user.ts signedInUser: Unauthorized for tokens and IAM, which are nobody).
 * Followed by `profileLookup` and `profileCreate`, which create a missing profile.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { profileKey } from '../../model/keys.ts';
import { raiseIfError } from '../lib/errors.ts';
import { signedInUser } from '../lib/user.ts';
import type { Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const user = signedInUser(ctx);
  ctx.stash.user = user;
  return ddb.get({ key: profileKey(user.sub), consistentRead: true });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  return ctx.result ?? null;
}
