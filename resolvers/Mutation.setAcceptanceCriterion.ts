/**
 * setAcceptanceCriterion: no criterionId: add (text
 * required); with it: edit text and/or done, or remove. Versioned on the story version read, so two
 * concurrent edits never lose one another (the loser gets ConflictError and retries).
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationSetAcceptanceCriterionArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationSetAcceptanceCriterionArgs, Stash>) {
  ctx.stash.storyId = id(ctx.args.input.storyId, 'storyId');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
