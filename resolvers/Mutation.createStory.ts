/** createStory: the story + CREATED activity. Criteria ids via util.autoId. */
import type { Context } from '@aws-appsync/utils';
import type { MutationCreateStoryArgs } from '../types/graphql.ts';
import { validationError } from './lib/errors.ts';
import { MAX_CRITERIA, newCriterion } from './lib/story.ts';
import { MAX_POINTS } from './lib/task.ts';
import { LIMITS, clearableText, id, intRange, text } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationCreateStoryArgs, Stash>) {
  const input = ctx.args.input;
  const criteria = input.acceptanceCriteria ?? [];
  if (criteria.length > MAX_CRITERIA) validationError(`At most ${MAX_CRITERIA} acceptance criteria`, 'acceptanceCriteria');
  ctx.stash.fields = {
    title: text(input.title, 'title', LIMITS.title),
    description: clearableText(input.description, 'description', LIMITS.description) ?? null,
    points: input.points === undefined || input.points === null ? null : intRange(input.points, 'points', 0, MAX_POINTS),
    acceptanceCriteria: criteria.map((c) => newCriterion(c)),
  };
  ctx.stash.projectId = id(input.projectId, 'projectId');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
