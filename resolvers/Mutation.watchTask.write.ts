/** watchTask step: puts the caller's watcher item (idempotent) while the task is not deleted; the task itself is not written. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { TASK_GONE, taskNotDeleted, taskTxOutcome } from './lib/task.ts';
import { watcherPut } from './lib/watchers.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const table = tableName(ctx);
  const task = ctx.stash.task;
  const me = ctx.stash.actor.id;
  return ddb.transactWrite({ items: [taskNotDeleted(table, task.id), watcherPut(table, task, me, now())] as never });
}

export function response(ctx: Context<unknown, Stash>) {
  taskTxOutcome(ctx, -1, { '0': TASK_GONE });
  return ctx.stash.task;
}
