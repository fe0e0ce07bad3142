/** unwatchTask step: deletes the caller's watcher item (absent: nothing to do); the task itself is not written. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { watcherKey } from '../model/keys.ts';
import type { Actor } from './lib/actor.ts';
import { raiseIfError } from './lib/errors.ts';
import type { TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  const task = ctx.stash.task as TaskItem;
  return ddb.remove({ key: watcherKey(task.id, (ctx.stash.actor as Actor).id) });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return ctx.stash.task;
}
