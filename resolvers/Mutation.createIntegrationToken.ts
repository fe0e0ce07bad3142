/**
 * createIntegrationToken (project ADMINs): the `tokens` function makes the secret.
 * The secret is returned once (CreatedIntegrationToken.secret is the whole bearer string); only its
 * hash is stored.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationCreateIntegrationTokenArgs } from '../types/graphql.ts';
import { id, LIMITS, oneOf, text } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationCreateIntegrationTokenArgs, Stash>) {
  const input = ctx.args.input;
  ctx.stash.projectId = id(input.projectId, 'projectId');
  ctx.stash.need = 'admin';
  ctx.stash.name = text(input.name, 'name', LIMITS.name);
  ctx.stash.scope = oneOf(input.scope, 'scope', ['READ', 'READ_WRITE']);
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
