/**
 * Shared step `profileSignIn` (after profileGet/profileLookup/profileCreate in Query.me): records when
 * the person last signed in, as `lastSignInAt` on their profile (read by adminUsers).
 *
 * Cognito's ListUsers has no last sign-in, so it is taken from the token the caller presents: its
 * `auth_time` claim is when that sign-in happened. The write is conditional (only when the stored time
 * is older), so it happens once per sign-in, not on every `me`, and two tabs racing cannot move it back.
 * The client calls `me` when it starts, so a sign-in that never opens Taskwire is not recorded: the
 * field reads "last signed in and opened Taskwire" (docs/access-patterns.md).
 */
import { runtime, util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { profileKey } from '../../model/keys.ts';
import { isConditionFailure, raiseIfError } from '../lib/errors.ts';
import type { Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const profile = ctx.prev.result as { lastSignInAt?: string | null } & Record<string, unknown>;
  const user = ctx.stash.user;
  const claims = ((ctx.identity as { claims?: Record<string, unknown> } | null)?.claims ?? {}) as Record<string, unknown>;
  const authTime = claims.auth_time;
  if (typeof authTime !== 'number' || authTime <= 0) return runtime.earlyReturn(profile);
  const at = util.time.epochMilliSecondsToISO8601(authTime * 1000);
  if (profile.lastSignInAt && profile.lastSignInAt >= at) return runtime.earlyReturn(profile);
  ctx.stash.profile = profile;
  ctx.stash.lastSignInAt = at;
  // Not a change of the person's settings: `version` and `updatedAt` stay as they are.
  return ddb.update({
    key: profileKey(user.sub),
    update: { lastSignInAt: at },
    condition: { or: [{ lastSignInAt: { attributeExists: false } }, { lastSignInAt: { lt: at } }] },
  });
}

export function response(ctx: Context<unknown, Stash>) {
  if (isConditionFailure(ctx)) return ctx.stash.profile;
  raiseIfError(ctx);
  return ctx.result;
}
