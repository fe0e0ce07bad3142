/** tasksByStory: byParent STORY#id, TASK# prefix, by rank. */
import type { Context } from '@aws-appsync/utils';
import type { QueryTasksByStoryArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryTasksByStoryArgs, Stash>) {
  return listRequest(ctx, 'storyId', 'read');
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
