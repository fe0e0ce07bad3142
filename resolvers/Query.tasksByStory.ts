/** tasksByStory: pipeline loadStory → authorize (read) → .query (byParent: STORY#id, TASK# prefix, by rank). */
import type { Context } from '@aws-appsync/utils';
import type { QueryTasksByStoryArgs } from '../types/graphql.ts';
import { pageLimit } from './lib/page.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<QueryTasksByStoryArgs>) {
  ctx.stash.storyId = id(ctx.args.storyId, 'storyId');
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
