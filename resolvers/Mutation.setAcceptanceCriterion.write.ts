/** setAcceptanceCriterion step: computes the new criteria list and writes it (versioned). */
import type { Context } from '@aws-appsync/utils';
import type { MutationSetAcceptanceCriterionArgs } from '../types/graphql.ts';
import { notFound, validationError } from './lib/errors.ts';
import { MAX_CRITERIA, criterionText, newCriterion, storyWriteRequest, storyWriteResult } from './lib/story.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationSetAcceptanceCriterionArgs, Stash>) {
  const input = ctx.args.input;
  const criteria = ctx.stash.story.acceptanceCriteria ?? [];
  if (!input.criterionId) {
    if (input.remove) validationError('remove needs a criterionId', 'criterionId');
    if (criteria.length >= MAX_CRITERIA) validationError(`At most ${MAX_CRITERIA} acceptance criteria`, 'text');
    const added = newCriterion(input.text);
    if (input.done) added.done = true;
    return storyWriteRequest(ctx, { acceptanceCriteria: criteria.concat([added]) }, 'UPDATED');
  }
  if (!criteria.find((c) => c.id === input.criterionId)) notFound('Acceptance criterion');
  if (input.remove) {
    return storyWriteRequest(ctx, { acceptanceCriteria: criteria.filter((c) => c.id !== input.criterionId) }, 'UPDATED');
  }
  if ((input.text === undefined || input.text === null) && (input.done === undefined || input.done === null)) {
    validationError('Give text, done or remove', 'text');
  }
  const next = criteria.map((c) => {
    if (c.id !== input.criterionId) return c;
    return {
      id: c.id,
      text: input.text === undefined || input.text === null ? c.text : criterionText(input.text),
      done: input.done === undefined || input.done === null ? c.done : input.done,
    };
  });
  return storyWriteRequest(ctx, { acceptanceCriteria: next }, 'UPDATED');
}

export function response(ctx: Context<unknown, Stash>) {
  return storyWriteResult(ctx);
}
