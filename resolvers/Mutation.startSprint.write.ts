/** startSprint step: sprint PLANNED → ACTIVE + project.activeSprintId (only if none), one transaction. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectKey } from '../model/keys.ts';
import { cancellation, stateConflict, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { sprintWriteRequest } from './lib/sprint.ts';
import { tableName } from './lib/table.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const sprint = ctx.stash.sprint;
  if (sprint.state !== 'PLANNED') stateConflict(`The sprint is ${sprint.state}, not PLANNED`, 'SPRINT_NOT_PLANNED');
  const at = now();
  const project = {
    updateItem: {
      table: tableName(ctx),
      key: projectKey(sprint.projectId),
      update: { activeSprintId: sprint.id, updatedAt: at, version: ddb.operations.increment(1) },
      condition: {
        PK: { attributeExists: true },
        or: [{ activeSprintId: { attributeExists: false } }, { activeSprintId: { attributeType: '_null' } }],
      },
    },
  };
  return sprintWriteRequest(ctx, { state: 'ACTIVE', startedAt: at }, 'STARTED', [project], 'PLANNED');
}

export function response(ctx: Context<unknown, Stash>) {
  const c = cancellation(ctx);
  if (c && c.index === 2) {
    return stateConflict('Another sprint of this project is already active', 'SPRINT_ALREADY_ACTIVE', {
      activeSprintId: c.item ? c.item.activeSprintId : null,
    });
  }
  if (c) versionedTxFailure(c, 0, 'Sprint', ctx.stash.sprint.version);
  return ctx.stash.sprintAfter;
}
