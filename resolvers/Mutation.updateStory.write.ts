/** updateStory step: stale expectedVersion → ConflictError; otherwise the versioned write. */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateStoryArgs } from '../types/graphql.ts';
import { storyWriteRequest, storyWriteResult } from './lib/story.ts';
import { checkVersion } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateStoryArgs, Stash>) {
  checkVersion(ctx.stash.story.version, ctx.args.input.expectedVersion);
  return storyWriteRequest(ctx, ctx.stash.fields, 'UPDATED');
}

export function response(ctx: Context<unknown, Stash>) {
  return storyWriteResult(ctx);
}
