/** createTask step: one transaction — the task, its CREATED activity, story counters, assignee check, watchers (creator and assignee). */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { membershipKey } from '../model/keys.ts';
import { change } from './lib/activity.ts';
import { newId } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { storyCounters, taskActivity, taskPut, taskTxOutcome, type TaskItem } from './lib/task.ts';
import { watcherPut } from './lib/watchers.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const table = tableName(ctx);
  const actor = ctx.stash.actor;
  const f = ctx.stash.fields;
  const at = ctx.stash.now;
  const watchers: string[] = actor.kind === 'user' ? [actor.id] : [];
  if (f.assigneeId && f.assigneeId !== actor.id) watchers.push(f.assigneeId as string);
  const task = Object.assign({}, f, {
    entity: 'Task',
    id: newId(),
    projectId: ctx.stash.projectId,
    number: ctx.stash.number,
    key: `${ctx.stash.projectKeyText}-${ctx.stash.number}`,
    status: 'TODO',
    reporterId: actor.id,
    timeSpentMinutes: 0,
    rank: ctx.stash.rank,
    archived: false,
    archivedAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }) as unknown as TaskItem;
  ctx.stash.created = task;
  const changes = ['title', 'status', 'assigneeId', 'storyId', 'sprintId', 'estimatePoints']
    .filter((k) => (task as unknown as Record<string, unknown>)[k] !== null)
    .map((k) => change(k, null, (task as unknown as Record<string, unknown>)[k]));
  const items: unknown[] = [taskPut(table, task), taskActivity(table, actor, task, 'CREATED', changes, at)];
  if (task.assigneeId) {
    ctx.stash.assigneeIndex = items.length;
    items.push({
      conditionCheck: { table, key: membershipKey(task.projectId, task.assigneeId), condition: { PK: { attributeExists: true } } },
    });
  }
  ctx.stash.storyIndex = items.length;
  storyCounters(table, null, task).forEach((u) => items.push(u));
  watchers.forEach((w) => items.push(watcherPut(table, task, w, at)));
  return ddb.transactWrite({ items: items as never });
}

export function response(ctx: Context<unknown, Stash>) {
  const explain: Record<string, { type: string; message: string }> = {};
  if (ctx.stash.assigneeIndex) {
    explain[`${ctx.stash.assigneeIndex}`] = { type: 'ValidationError', message: 'The assignee is not a member of this project' };
  }
  explain[`${ctx.stash.storyIndex}`] = { type: 'NotFound', message: 'Story not found' };
  taskTxOutcome(ctx, 0, explain);
  return ctx.stash.created;
}
