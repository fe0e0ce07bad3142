/**
 * tasksByAssignee ("my tasks"): byAssignee, ordered by status then due date, optional status prefix.
 * Unit resolver with its own access rule, since the list spans projects:
 *   a Cognito user may list their own tasks (assigneeId = their sub); the `Admins` group anyone's;
 *   an integration token only the tasks of its project (a filter on projectId);
 *   IAM (Taskwire's functions) anyone's; everybody else → Unauthorized.
 * Archived tasks are hidden unless includeArchived.
 */
import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { INDEX } from '../model/table.ts';
import { assigneePk, assigneeStatusPrefix, type TaskStatusKey } from '../model/keys.ts';
import type { QueryTasksByAssigneeArgs } from '../types/graphql.ts';
import { ADMINS_GROUP, type TokenContext } from './lib/actor.ts';
import { connection, pageLimit } from './lib/page.ts';
import { TASK_STATUSES } from './lib/task.ts';
import { id, oneOf } from './lib/validate.ts';

interface AnyIdentity {
  sub?: string;
  groups?: string[] | null;
  resolverContext?: TokenContext | null;
  userArn?: string;
}

export function request(ctx: Context<QueryTasksByAssigneeArgs>) {
  const assigneeId = id(ctx.args.assigneeId, 'assigneeId');
  const limit = pageLimit(ctx.args.limit);
  const identity = (ctx.identity ?? null) as AnyIdentity | null;
  if (!identity) return util.unauthorized();
  const filter: Record<string, unknown> = {};
  if (!ctx.args.includeArchived) filter.archived = { ne: true };
  if (identity.resolverContext) {
    filter.projectId = { eq: identity.resolverContext.projectId };
  } else if (!identity.userArn) {
    const admin = (identity.groups ?? []).indexOf(ADMINS_GROUP) >= 0;
    if (!admin && identity.sub !== assigneeId) return util.unauthorized();
  }
  const query: Record<string, unknown> = { [INDEX.byAssignee.pk]: { eq: assigneePk(assigneeId) } };
  if (ctx.args.status) {
    query[INDEX.byAssignee.sk] = { beginsWith: assigneeStatusPrefix(oneOf(ctx.args.status, 'status', TASK_STATUSES) as TaskStatusKey) };
  }
  return ddb.query({
    index: INDEX.byAssignee.name,
    query,
    limit,
    nextToken: ctx.args.nextToken ?? undefined,
    filter: Object.keys(filter).length > 0 ? filter : undefined,
  });
}

export function response(ctx: Context) {
  return connection(ctx);
}
