/** createSprint step: conditional put of the sprint and its CREATED activity, in one transaction. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, sprintIndexKeys, sprintKey } from '../model/keys.ts';
import { activityItem, change } from './lib/activity.ts';
import type { Actor } from './lib/actor.ts';
import { raiseIfError } from './lib/errors.ts';
import { newId, now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { createCondition } from './lib/versioned.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const at = now();
  const sprintId = newId();
  const projectId = ctx.stash.projectId as string;
  const sprint = Object.assign({}, ctx.stash.fields as Record<string, unknown>, {
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
        actor: ctx.stash.actor as Actor,
        changes: [change('name', null, sprint.name)],
        now: at,
      }),
    ] as never,
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return ctx.stash.created;
}
