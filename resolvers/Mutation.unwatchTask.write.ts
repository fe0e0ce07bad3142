/** unwatchTask step: deletes the caller's watcher item (absent: nothing to do); the task itself is not written. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { watcherKey } from '../model/keys.ts';
import { raiseIfError } from './lib/errors.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const task = ctx.stash.task;
  return ddb.remove({ key: watcherKey(task.id, ctx.stash.actor.id) });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  return ctx.stash.task;
}
