/**
 * deleteTask step: the task's removal, its DELETED activity (project partition), the purge tombstone
 * (model/keys.ts taskPurgeKey: the task's children still to delete) and story counters, in one transaction.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { PURGE_ENTITY, taskKey, taskPurgeIndexKeys, taskPurgeKey } from '../model/keys.ts';
import { activityItem, change } from './lib/activity.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { storyCounters, taskTxOutcome } from './lib/task.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const table = tableName(ctx);
  const task = ctx.stash.task;
  const at = now();
  ctx.stash.deleted = Object.assign({}, task, { deletedAt: at });
  const items: unknown[] = [
    { deleteItem: { table, key: taskKey(task.id), condition: { version: { eq: task.version } } } },
    activityItem({
      table,
      projectId: task.projectId,
      taskId: null,
      entityType: 'TASK',
      entityId: task.id,
      action: 'DELETED',
      actor: ctx.stash.actor,
      changes: [change('key', task.key, null), change('title', task.title, null)],
      now: at,
    }),
    {
      putItem: {
        table,
        key: taskPurgeKey(task.id),
        item: Object.assign({ entity: PURGE_ENTITY, taskId: task.id, projectId: task.projectId, deletedAt: at, version: 1 }, taskPurgeIndexKeys(task.id, at)),
        condition: { PK: { attributeExists: false } },
      },
    },
  ];
  storyCounters(table, task, null).forEach((u) => items.push(u));
  return ddb.transactWrite({ items: items as never });
}

export function response(ctx: Context<unknown, Stash>) {
  taskTxOutcome(ctx, 0, {});
  return ctx.stash.deleted;
}
