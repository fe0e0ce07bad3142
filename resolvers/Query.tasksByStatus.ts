/**
 * tasksByStatus: a board column by rank. A sprintId must be the project's (loadSprint runs only
 * then). Without sprintId: the project's column (byStatus); with it: the
 * sprint's column (bySprint, status prefix). The client passes the active sprint's id when one is
 * active (Project.activeSprintId), so the board shows that sprint; otherwise all open tasks.
 */
import type { Context } from '@aws-appsync/utils';
import type { QueryTasksByStatusArgs } from '../types/graphql.ts';
import { pageLimit } from './lib/page.ts';
import { TASK_STATUSES } from './lib/task.ts';
import { id, oneOf } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryTasksByStatusArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.status = oneOf(ctx.args.status, 'status', TASK_STATUSES);
  ctx.stash.sprintId = ctx.args.sprintId ? id(ctx.args.sprintId, 'sprintId') : null;
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
