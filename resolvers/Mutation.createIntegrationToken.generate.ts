/**
 * Pipeline function of Mutation.createIntegrationToken, Lambda data source `tokens`:
 *   payload { projectId } → { tokenId, secret, secretHash, prefix, token }   (token = the bearer string)
 */
import { util, type Context } from '@aws-appsync/utils';

export interface GeneratedToken {
  tokenId: string;
  secret: string;
  secretHash: string;
  prefix: string;
  token: string;
}

export function request(ctx: Context) {
  return { operation: 'Invoke' as const, payload: { projectId: ctx.stash.projectId as string } };
}

export function response(ctx: Context) {
  if (ctx.error) return util.error('Could not generate a token; try again', 'TokenGenerationFailed');
  ctx.stash.generated = ctx.result;
  return ctx.result as GeneratedToken;
}
