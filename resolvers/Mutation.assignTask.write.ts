/** assignTask step: versioned write of assigneeId (+ the assignee's watcher item), with the membership re-checked in the transaction. */
import { runtime, type Context } from '@aws-appsync/utils';
import { membershipKey } from '../model/keys.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { taskWriteRequest, taskWriteResult } from './lib/task.ts';
import { watcherPut } from './lib/watchers.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const task = ctx.stash.task;
  const assigneeId = ctx.stash.assigneeId ?? null;
  if ((task.assigneeId ?? null) === assigneeId) runtime.earlyReturn(task);
  const fields: Record<string, unknown> = { assigneeId };
  const extra: unknown[] = [];
  if (assigneeId) {
    extra.push({
      conditionCheck: {
        table: tableName(ctx),
        key: membershipKey(task.projectId, assigneeId),
        condition: { PK: { attributeExists: true } },
      },
    });
    extra.push(watcherPut(tableName(ctx), task, assigneeId, now()));
  }
  return taskWriteRequest(ctx, fields, 'ASSIGNED', extra);
}

export function response(ctx: Context<unknown, Stash>) {
  return taskWriteResult(ctx, { type: 'ValidationError', message: 'The assignee is not a member of this project' });
}
