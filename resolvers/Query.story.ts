/** story(id). Unknown or foreign id → NotFound. */
import type { Context } from '@aws-appsync/utils';
import type { QueryStoryArgs } from '../types/graphql.ts';
import { toStory } from './lib/story.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryStoryArgs, Stash>) {
  ctx.stash.storyId = id(ctx.args.id, 'id');
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return toStory(ctx.stash.story);
}
