/** updateStory: versioned on expectedVersion. */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateStoryArgs } from '../types/graphql.ts';
import { MAX_POINTS } from './lib/task.ts';
import { id, intRange, titleAndDescription } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateStoryArgs, Stash>) {
  const input = ctx.args.input;
  const has = (k: string) => Object.hasOwn(input, k);
  const fields = titleAndDescription(input);
  if (has('points')) fields.points = input.points === null ? null : intRange(input.points, 'points', 0, MAX_POINTS);
  ctx.stash.fields = fields;
  ctx.stash.storyId = id(input.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
