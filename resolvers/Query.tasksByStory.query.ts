/** tasksByStory step: Query byParent for the story's tasks. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { storyTasksQuery } from '../model/keys.ts';
import type { QueryTasksByStoryArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';

export function request(ctx: Context<QueryTasksByStoryArgs>) {
  const q = storyTasksQuery(ctx.stash.storyId as string);
  return ddb.query({
    index: INDEX.byParent.name,
    query: {
      [INDEX.byParent.pk]: { eq: q.GSI4PK },
      [INDEX.byParent.sk]: { beginsWith: q.prefix },
    },
    limit: ctx.stash.limit as number,
    nextToken: ctx.args.nextToken ?? undefined,
  });
}

export function response(ctx: Context) {
  return connection(ctx);
}
