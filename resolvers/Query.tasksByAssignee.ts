/**
 * tasksByAssignee ("my tasks"): byAssignee, ordered by status then due date, optional status prefix.
 * It has its own access rule (no `authorize`), since the list spans projects:
 *   a Cognito user may list their own tasks (assigneeId = their sub); the `Admins` group anyone's;
 *   an integration token only the tasks of its project (a filter on projectId);
 *   IAM (Taskwire's functions) anyone's; everybody else → Unauthorized.
 * A person's own list shows only the tasks of projects they are still a member of (.members): a member
 * removed from a project keeps the assignment on its tasks, but sees nothing of that project any more.
 * Archived tasks are hidden unless includeArchived.
 */
import { util, type Context } from '@aws-appsync/utils';
import type { QueryTasksByAssigneeArgs } from '../types/graphql.ts';
import { ADMINS_GROUP, type TokenContext } from './lib/actor.ts';
import { pageLimit } from './lib/page.ts';
import { TASK_STATUSES } from './lib/task.ts';
import { id, oneOf } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

interface AnyIdentity {
  sub?: string;
  groups?: string[] | null;
  resolverContext?: TokenContext | null;
  userArn?: string;
}

export function request(ctx: Context<QueryTasksByAssigneeArgs, Stash>) {
  ctx.stash.personId = id(ctx.args.assigneeId, 'assigneeId');
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.statusPrefix = ctx.args.status ? oneOf(ctx.args.status, 'status', TASK_STATUSES) : null;
  const identity = (ctx.identity ?? null) as AnyIdentity | null;
  if (!identity) return util.unauthorized();
  ctx.stash.tokenProjectId = null;
  ctx.stash.memberOf = null;
  if (identity.resolverContext) {
    ctx.stash.tokenProjectId = identity.resolverContext.projectId;
  } else if (!identity.userArn) {
    const admin = (identity.groups ?? []).indexOf(ADMINS_GROUP) >= 0;
    if (!admin && identity.sub !== ctx.stash.personId) return util.unauthorized();
    // Only their own projects' tasks (the Admins group sees everything anyway).
    if (!admin) ctx.stash.memberOf = ctx.stash.personId;
  }
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
