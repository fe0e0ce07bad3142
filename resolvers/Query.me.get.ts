/** Pipeline function of Query.me: GetItem the profile of ctx.stash.user (null when there is none yet). */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { profileKey } from '../model/keys.ts';
import { raiseIfError } from './lib/errors.ts';
import type { SignedInUser } from './lib/user.ts';

export function request(ctx: Context) {
  return ddb.get({ key: profileKey((ctx.stash.user as SignedInUser).sub), consistentRead: true });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return ctx.result ?? null;
}
