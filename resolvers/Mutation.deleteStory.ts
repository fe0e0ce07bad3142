/**
 * deleteStory: refused (ConflictError, reason STORY_HAS_TASKS) while tasks link to the story — unlink
 * or move them first; the condition sits on the story's own counter, so a task linked at the same
 * moment cannot slip through.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationDeleteStoryArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationDeleteStoryArgs, Stash>) {
  ctx.stash.storyId = id(ctx.args.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
