/**
 * Load step (manifest name `loadMembership`): the membership of `ctx.stash.memberUserId` in
 * `ctx.stash.projectId`. Absence is NOT an error here (addMember wants to know it is absent):
 * ctx.stash.membership is the item or null, and so is the result. Run after `authorize`.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { membershipKey } from '../../model/keys.ts';
import { raiseIfError } from '../lib/errors.ts';

export function request(ctx: Context) {
  return ddb.get({
    key: membershipKey(ctx.stash.projectId as string, ctx.stash.memberUserId as string),
    consistentRead: true,
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.membership = ctx.result ?? null;
  return ctx.stash.membership;
}
