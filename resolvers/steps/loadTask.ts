/**
 * Pipeline step: loads the task `ctx.stash.taskId` (strongly consistent) into `ctx.stash.task` and sets
 * `ctx.stash.projectId` for the authorize step. Unknown id → NotFound (the same answer authorize gives
 * for a task of a project the caller may not see).
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, taskKey } from '../../model/keys.ts';
import { notFound, raiseIfError } from '../lib/errors.ts';
import type { TaskItem } from '../lib/task.ts';
import type { Stash } from '../lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  ctx.stash.what = 'Task';
  return ddb.get({ key: taskKey(ctx.stash.taskId), consistentRead: true });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  const task = ctx.result as TaskItem | null;
  if (!task || task.entity !== ENTITY.task) return notFound('Task');
  ctx.stash.task = task;
  ctx.stash.projectId = task.projectId;
  return task;
}
