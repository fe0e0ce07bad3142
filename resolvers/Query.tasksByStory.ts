/** tasksByStory: byParent STORY#id, TASK# prefix, by rank. */
import type { Context } from '@aws-appsync/utils';
import type { QueryTasksByStoryArgs } from '../types/graphql.ts';
import { listRequest } from './lib/page.ts';

export function request(ctx: Context<QueryTasksByStoryArgs>) {
  return listRequest(ctx, 'storyId', 'read');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
