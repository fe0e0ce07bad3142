/**
 * Task.watcherIds: the people watching the task, in user-id order — a strongly consistent Query of its
 * watcher items (model/keys.ts watcherKey), so a watch shows in the answer of the mutation that made it.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { WATCHER_PREFIX, taskPk } from '../model/keys.ts';
import { raiseIfError } from './lib/errors.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const task = ctx.source as { id: string };
  return ddb.query({
    query: { PK: { eq: taskPk(task.id) }, SK: { beginsWith: WATCHER_PREFIX } },
    consistentRead: true,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  return ((ctx.result as { items: { userId: string }[] }).items ?? []).map((w) => w.userId);
}
