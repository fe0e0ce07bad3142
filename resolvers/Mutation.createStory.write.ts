/** createStory step: conditional put of the story (counters at 0) and its activity, in one transaction. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, storyIndexKeys, storyKey } from '../model/keys.ts';
import { activityItem, change } from './lib/activity.ts';
import { raiseIfError } from './lib/errors.ts';
import { newId, now } from './lib/ids.ts';
import { toStory, type StoryItem } from './lib/story.ts';
import { tableName } from './lib/table.ts';
import { createCondition } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const table = tableName(ctx);
  const actor = ctx.stash.actor;
  const at = now();
  const storyId = newId();
  const projectId = ctx.stash.projectId;
  const story = Object.assign({}, ctx.stash.fields, {
    entity: ENTITY.story,
    id: storyId,
    projectId,
    tasksTotal: 0,
    tasksDone: 0,
    pointsTotal: 0,
    pointsDone: 0,
    createdBy: actor.id,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }) as unknown as StoryItem;
  ctx.stash.storyAfter = story;
  return ddb.transactWrite({
    items: [
      {
        putItem: {
          table,
          key: storyKey(storyId),
          item: Object.assign({}, story, storyIndexKeys(projectId, storyId)),
          condition: createCondition,
        },
      },
      activityItem({
        table,
        projectId,
        entityType: 'STORY',
        entityId: storyId,
        action: 'CREATED',
        actor,
        changes: [change('title', null, story.title)],
        now: at,
      }),
    ] as never,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  return toStory(ctx.stash.storyAfter);
}
