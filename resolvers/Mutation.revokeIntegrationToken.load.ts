/** revokeIntegrationToken's read: GetItem the token; absent → NotFound. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { tokenKey } from '../model/keys.ts';
import { notFound, raiseIfError } from './lib/errors.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  return ddb.get({ key: tokenKey(ctx.stash.projectId, ctx.stash.tokenId), consistentRead: true });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  if (!ctx.result) return notFound('Integration token');
  ctx.stash.token = ctx.result;
  return ctx.result;
}
