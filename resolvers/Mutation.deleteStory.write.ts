/** deleteStory step: delete (version unchanged, no linked task) + DELETED activity, one transaction. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { storyKey } from '../model/keys.ts';
import { activityItem, change } from './lib/activity.ts';
import { cancellation, conflict, notFound, stateConflict } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { toStory } from './lib/story.ts';
import { tableName } from './lib/table.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const table = tableName(ctx);
  const story = ctx.stash.story;
  if ((story.tasksTotal ?? 0) > 0) {
    stateConflict('Tasks still link to this story; unlink them first', 'STORY_HAS_TASKS', { tasks: story.tasksTotal });
  }
  const at = now();
  return ddb.transactWrite({
    items: [
      { deleteItem: { table, key: storyKey(story.id), condition: { version: { eq: story.version }, tasksTotal: { eq: 0 } } } },
      activityItem({
        table,
        projectId: story.projectId,
        entityType: 'STORY',
        entityId: story.id,
        action: 'DELETED',
        actor: ctx.stash.actor,
        changes: [change('title', story.title, null)],
        now: at,
      }),
    ] as never,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const c = cancellation(ctx);
  if (c && c.index === 0) {
    if (!c.item) return notFound('Story');
    if (typeof c.item.tasksTotal === 'number' && c.item.tasksTotal > 0) {
      return stateConflict('Tasks still link to this story; unlink them first', 'STORY_HAS_TASKS', { tasks: c.item.tasksTotal });
    }
    return conflict(typeof c.item.version === 'number' ? c.item.version : null);
  }
  return toStory(ctx.stash.story);
}
