/**
 * logTime step: the time entry, an atomic increment of the task's timeSpentMinutes (and version) —
 * not conditioned on the version, so two people logging time at once both count — and the activity.
 * AppSync writes increment as SET #a = #a + :v, so both attributes must exist: createTask sets them
 * (docs/conformance.md).
 */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, taskKey, timeEntryKey } from '../model/keys.ts';
import type { MutationLogTimeArgs } from '../types/graphql.ts';
import { change } from './lib/activity.ts';
import { newId, now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { taskActivity, taskTxOutcome } from './lib/task.ts';
import { createCondition } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationLogTimeArgs, Stash>) {
  const table = tableName(ctx);
  const task = ctx.stash.task;
  const actor = ctx.stash.actor;
  const at = now();
  const entryId = newId();
  const minutes = ctx.stash.minutes;
  const entry = {
    entity: ENTITY.timeEntry,
    id: entryId,
    taskId: task.id,
    projectId: task.projectId,
    userId: actor.id,
    minutes,
    workDate: ctx.args.input.workDate,
    note: ctx.stash.note,
    createdAt: at,
    version: 1,
  };
  ctx.stash.created = entry;
  return ddb.transactWrite({
    items: [
      {
        updateItem: {
          table,
          key: taskKey(task.id),
          update: { timeSpentMinutes: ddb.operations.increment(minutes), version: ddb.operations.increment(1), updatedAt: at },
          condition: { PK: { attributeExists: true } },
        },
      },
      { putItem: { table, key: timeEntryKey(task.id, entryId), item: entry, condition: createCondition } },
      taskActivity(table, actor, task, 'TIME_LOGGED', [change('minutes', null, minutes), change('workDate', null, entry.workDate)], at),
    ] as never,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  taskTxOutcome(ctx, 0, {});
  return ctx.stash.created;
}
