/** watchTask step: puts the caller's watcher item (idempotent) while the task is not deleted; the task itself is not written. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import type { Actor } from './lib/actor.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { TASK_GONE, taskNotDeleted, taskTxOutcome, type TaskItem } from './lib/task.ts';
import { watcherPut } from './lib/watchers.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const task = ctx.stash.task as TaskItem;
  const me = (ctx.stash.actor as Actor).id;
  return ddb.transactWrite({ items: [taskNotDeleted(table, task.id), watcherPut(table, task, me, now())] as never });
}

export function response(ctx: Context) {
  taskTxOutcome(ctx, -1, { '0': TASK_GONE });
  return ctx.stash.task;
}
