/**
 * Load step (manifest name `loadMembership`): the membership of `ctx.stash.memberUserId` in
 * `ctx.stash.projectId`. Absence is NOT an error here (addMember wants to know it is absent):
 * ctx.stash.membership is the item or null, and so is the result. Run after `authorize`.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { membershipKey } from '../../model/keys.ts';
import { raiseIfError } from '../lib/errors.ts';
import type { Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  return ddb.get({
    key: membershipKey(ctx.stash.projectId, ctx.stash.memberUserId),
    consistentRead: true,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  ctx.stash.membership = ctx.result ?? null;
  return ctx.stash.membership;
}
