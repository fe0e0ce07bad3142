/**
 * createIntegrationToken's Lambda step (`tokens`):
 *   payload { projectId } → { tokenId, secret, secretHash, prefix, token }   (token = the bearer string)
 * The payload and result types are the handler's own (functions/tokens/handler.ts).
 */
import { util, type Context } from '@aws-appsync/utils';
import type { GeneratedToken, TokensEvent } from '../functions/tokens/handler.ts';

export function request(ctx: Context) {
  const payload: TokensEvent = { projectId: ctx.stash.projectId as string };
  return { operation: 'Invoke' as const, payload };
}

export function response(ctx: Context) {
  if (ctx.error) return util.error('Could not generate a token; try again', 'TokenGenerationFailed');
  ctx.stash.generated = ctx.result;
  return ctx.result as GeneratedToken;
}
