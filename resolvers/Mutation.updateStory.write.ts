/** updateStory step: stale expectedVersion → ConflictError; otherwise the versioned write. */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateStoryArgs } from '../types/graphql.ts';
import { storyWriteRequest, storyWriteResult, type StoryItem } from './lib/story.ts';
import { checkVersion } from './lib/versioned.ts';

export function request(ctx: Context<MutationUpdateStoryArgs>) {
  checkVersion((ctx.stash.story as StoryItem).version, ctx.args.input.expectedVersion);
  return storyWriteRequest(ctx, ctx.stash.fields as Record<string, unknown>, 'UPDATED');
}

export function response(ctx: Context) {
  return storyWriteResult(ctx);
}
