/** story(id). Unknown or foreign id → NotFound. */
import type { Context } from '@aws-appsync/utils';
import type { QueryStoryArgs } from '../types/graphql.ts';
import { toStory, type StoryItem } from './lib/story.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<QueryStoryArgs>) {
  ctx.stash.storyId = id(ctx.args.id, 'id');
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context) {
  return toStory(ctx.stash.story as StoryItem);
}
