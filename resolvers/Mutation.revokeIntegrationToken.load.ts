/** revokeIntegrationToken's read: GetItem the token; absent → NotFound. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { tokenKey } from '../model/keys.ts';
import { notFound, raiseIfError } from './lib/errors.ts';

export function request(ctx: Context) {
  return ddb.get({ key: tokenKey(ctx.stash.projectId as string, ctx.stash.tokenId as string), consistentRead: true });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  if (!ctx.result) return notFound('Integration token');
  ctx.stash.token = ctx.result;
  return ctx.result;
}
