/** storiesByProject step: the byParent Query; each story with its derived progress. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectStoriesQuery } from '../model/keys.ts';
import type { QueryStoriesByProjectArgs } from '../types/graphql.ts';
import { connection } from './lib/page.ts';
import { toStory, type StoryItem } from './lib/story.ts';
import { byParent } from './lib/table.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryStoriesByProjectArgs, Stash>) {
  const q = projectStoriesQuery(ctx.stash.projectId);
  return ddb.query({
    ...byParent(q),
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? undefined,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const page = connection<StoryItem>(ctx);
  return { items: page.items.map((s) => toStory(s)), nextToken: page.nextToken };
}
