/**
 * addComment step: the comment, its activity, a check that the task still exists and — for a person —
 * their watcher item, in one transaction. Nothing in it reads or writes the task item, so a comment
 * fails only when the task is gone, never because the task changed meanwhile.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, commentKey } from '../model/keys.ts';
import { change } from './lib/activity.ts';
import { newId, now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { TASK_GONE, taskActivity, taskNotDeleted, taskTxOutcome } from './lib/task.ts';
import { createCondition } from './lib/versioned.ts';
import { watcherPut } from './lib/watchers.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const table = tableName(ctx);
  const task = ctx.stash.task;
  const actor = ctx.stash.actor;
  const at = now();
  const commentId = newId();
  const comment = {
    entity: ENTITY.comment,
    id: commentId,
    taskId: task.id,
    projectId: task.projectId,
    authorId: actor.id,
    body: ctx.stash.body,
    mentions: ctx.stash.mentions,
    edited: false,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  ctx.stash.created = comment;
  const items: unknown[] = [
    { putItem: { table, key: commentKey(task.id, commentId), item: comment, condition: createCondition } },
    taskActivity(table, actor, task, 'COMMENTED', [change('comment', null, commentId)], at),
    // A comment written after a concurrent deleteTask would be left behind in the deleted task's partition.
    taskNotDeleted(table, task.id),
  ];
  if (actor.kind === 'user') items.push(watcherPut(table, task, actor.id, at));
  return ddb.transactWrite({ items: items as never });
}

export function response(ctx: Context<unknown, Stash>) {
  taskTxOutcome(ctx, -1, { '2': TASK_GONE });
  return ctx.stash.created;
}
