/** createSprint step: conditional put of the sprint and its CREATED activity, in one transaction. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, sprintIndexKeys, sprintKey } from '../model/keys.ts';
import { activityItem, change } from './lib/activity.ts';
import { raiseIfError } from './lib/errors.ts';
import { newId, now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { createCondition } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const table = tableName(ctx);
  const at = now();
  const sprintId = newId();
  const projectId = ctx.stash.projectId;
  const sprint = Object.assign({}, ctx.stash.fields, {
    entity: ENTITY.sprint,
    id: sprintId,
    projectId,
    state: 'PLANNED',
    startedAt: null,
    completedAt: null,
    carriedOverTo: null,
    carryOverDone: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  ctx.stash.created = sprint;
  return ddb.transactWrite({
    items: [
      {
        putItem: {
          table,
          key: sprintKey(sprintId),
          item: Object.assign({}, sprint, sprintIndexKeys(projectId, 'PLANNED', sprintId)),
          condition: createCondition,
        },
      },
      activityItem({
        table,
        projectId,
        entityType: 'SPRINT',
        entityId: sprintId,
        action: 'CREATED',
        actor: ctx.stash.actor,
        changes: [change('name', null, sprint.name)],
        now: at,
      }),
    ] as never,
  });
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  return ctx.stash.created;
}
