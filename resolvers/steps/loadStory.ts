/**
 * Pipeline step: loads the story `ctx.stash.storyId` into `ctx.stash.story`; skipped when no storyId is
 * stashed. When `ctx.stash.projectId` is already known (e.g. a task's project) the story must belong to
 * it, else NotFound; otherwise it sets `ctx.stash.projectId` for the authorize step.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import type { StoryItem } from '../lib/story.ts';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, storyKey } from '../../model/keys.ts';
import { notFound, raiseIfError } from '../lib/errors.ts';
import type { Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  if (!ctx.stash.storyId) runtime.earlyReturn(null, { skipTo: 'NEXT' });
  // Only when there is a story to look up: a refusal otherwise names the project, not a story never asked for.
  ctx.stash.what = 'Story';
  return ddb.get({ key: storyKey(ctx.stash.storyId), consistentRead: true });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const story = ctx.result as StoryItem | null;
  if (!story || story.entity !== ENTITY.story) return notFound('Story');
  if (ctx.stash.projectId && ctx.stash.projectId !== story.projectId) return notFound('Story');
  ctx.stash.story = story;
  ctx.stash.projectId = story.projectId;
  return story;
}
