/** assignTask step: versioned write of assigneeId (+ watcher), with the membership re-checked in the transaction. */
import { runtime, type Context } from '@aws-appsync/utils';
import { membershipKey } from '../model/keys.ts';
import { tableName } from './lib/table.ts';
import { taskWriteRequest, taskWriteResult, type TaskItem } from './lib/task.ts';

export function request(ctx: Context) {
  const task = ctx.stash.task as TaskItem;
  const assigneeId = (ctx.stash.assigneeId ?? null) as string | null;
  if ((task.assigneeId ?? null) === assigneeId) runtime.earlyReturn(task);
  const fields: Record<string, unknown> = { assigneeId };
  const extra: unknown[] = [];
  if (assigneeId) {
    if (task.watcherIds.indexOf(assigneeId) < 0) fields.watcherIds = task.watcherIds.concat([assigneeId]);
    extra.push({
      conditionCheck: {
        table: tableName(ctx),
        key: membershipKey(task.projectId, assigneeId),
        condition: { PK: { attributeExists: true } },
      },
    });
  }
  return taskWriteRequest(ctx, fields, 'ASSIGNED', extra);
}

export function response(ctx: Context) {
  return taskWriteResult(ctx, { type: 'ValidationError', message: 'The assignee is not a member of this project' });
}
