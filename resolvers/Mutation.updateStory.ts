/** updateStory: pipeline loadStory → authorize (write) → .write (versioned on expectedVersion). */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateStoryArgs } from '../types/graphql.ts';
import { validationError } from './lib/errors.ts';
import { MAX_POINTS } from './lib/task.ts';
import { LIMITS, clearableText, id, intRange, text } from './lib/validate.ts';

export function request(ctx: Context<MutationUpdateStoryArgs>) {
  const input = ctx.args.input;
  const has = (k: string) => Object.hasOwn(input, k);
  const fields: Record<string, unknown> = {};
  if (has('title')) {
    if (input.title === null) validationError('title cannot be cleared', 'title');
    fields.title = text(input.title, 'title', LIMITS.title);
  }
  if (has('description')) fields.description = clearableText(input.description, 'description', LIMITS.description);
  if (has('points')) fields.points = input.points === null ? null : intRange(input.points, 'points', 0, MAX_POINTS);
  ctx.stash.fields = fields;
  ctx.stash.storyId = id(input.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
