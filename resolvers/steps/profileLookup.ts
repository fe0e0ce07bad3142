/**
 * Shared step `profileLookup` (Lambda `members`): when there is no profile yet (ctx.prev.result null),
 * asks Cognito who the signed-in person is — access tokens, which Amplify sends, carry no email —
 * and puts { email, displayName } in ctx.stash.person. With a profile it passes it on untouched.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import { raiseIfError } from '../lib/errors.ts';
import type { Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  if (ctx.prev.result) return runtime.earlyReturn(ctx.prev.result, { skipTo: 'NEXT' });
  const user = ctx.stash.user;
  return { operation: 'Invoke', payload: { username: user.username } };
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  ctx.stash.person = ctx.result ?? null;
  return null;
}
