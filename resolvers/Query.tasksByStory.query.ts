/** tasksByStory step: Query byParent for the story's tasks. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { storyTasksQuery } from '../model/keys.ts';
import type { QueryTasksByStoryArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { byParent } from './lib/table.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryTasksByStoryArgs, Stash>) {
  const q = storyTasksQuery(ctx.stash.story.id);
  return ddb.query({
    ...byParent(q),
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? undefined,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  return connection(ctx);
}
