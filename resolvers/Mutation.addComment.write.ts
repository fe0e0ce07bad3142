/**
 * addComment step: the comment, its activity and — when the commenter does not watch yet — the task's
 * watcher list (versioned), otherwise a check that the task still exists, in one transaction.
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, commentKey, taskKey } from '../model/keys.ts';
import { change } from './lib/activity.ts';
import type { Actor } from './lib/actor.ts';
import { newId, now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { taskActivity, taskChange, taskTxOutcome, type TaskItem } from './lib/task.ts';
import { createCondition } from './lib/versioned.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const task = ctx.stash.task as TaskItem;
  const actor = ctx.stash.actor as Actor;
  const at = now();
  const commentId = newId();
  const comment = {
    entity: ENTITY.comment,
    id: commentId,
    taskId: task.id,
    projectId: task.projectId,
    authorId: actor.id,
    body: ctx.stash.body as string,
    mentions: ctx.stash.mentions as string[],
    edited: false,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  ctx.stash.created = comment;
  const items: unknown[] = [
    { putItem: { table, key: commentKey(task.id, commentId), item: comment, condition: createCondition } },
    taskActivity(table, actor, task, 'COMMENTED', [change('comment', null, commentId)], at),
  ];
  if (actor.kind === 'user' && task.watcherIds.indexOf(actor.id) < 0) {
    items.push(taskChange(table, task, { watcherIds: task.watcherIds.concat([actor.id]) }, at).tx);
  } else {
    // The task must still exist: a comment written after a concurrent deleteTask would be left behind
    // in the deleted task's partition (the purge may be over already).
    items.push({ conditionCheck: { table, key: taskKey(task.id), condition: { PK: { attributeExists: true } } } });
  }
  return ddb.transactWrite({ items: items as never });
}

export function response(ctx: Context) {
  taskTxOutcome(ctx, 2, {});
  return ctx.stash.created;
}
