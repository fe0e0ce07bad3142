/**
 * createIntegrationToken's Lambda step (`tokens`):
 *   payload { projectId } → { tokenId, secret, secretHash, prefix, token }   (token = the bearer string)
 * The payload and result types are the contract shared with the handler (functions/tokens/contract.ts).
 */
import { util, type Context } from '@aws-appsync/utils';
import type { GeneratedToken, TokensEvent } from '../functions/tokens/contract.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const payload: TokensEvent = { projectId: ctx.stash.projectId };
  return { operation: 'Invoke' as const, payload };
}

export function response(ctx: Context<unknown, Stash>) {
  if (ctx.error) return util.error('Could not generate a token; try again', 'TokenGenerationFailed');
  ctx.stash.generated = ctx.result;
  return ctx.result as GeneratedToken;
}
