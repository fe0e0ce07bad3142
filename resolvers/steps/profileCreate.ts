/**
 * Shared step `profileCreate`: when no profile exists (ctx.prev.result null), creates it with the
 * defaults and the person `profileLookup` found (conditional put). Two first calls at once: the
 * loser's condition fails and AppSync hands back the winner's item. Returns the profile.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { profileKey } from '../../model/keys.ts';
import { isConditionFailure, raiseIfError } from '../lib/errors.ts';
import { now } from '../lib/ids.ts';
import { profileDefaults } from '../lib/user.ts';
import { createCondition } from '../lib/versioned.ts';
import type { Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  if (ctx.prev.result) return runtime.earlyReturn(ctx.prev.result, { skipTo: 'NEXT' });
  const user = ctx.stash.user;
  const item = profileDefaults(user, now(), ctx.stash.person);
  return ddb.put({ key: profileKey(user.sub), item, condition: createCondition });
}

export function response(ctx: Context<unknown, Stash>) {
  if (isConditionFailure(ctx) && ctx.result) return ctx.result;
  raiseIfError(ctx);
  return ctx.result;
}
