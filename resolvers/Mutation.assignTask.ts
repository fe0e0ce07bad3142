/** assignTask: the assignee must be a member. Null unassigns; the new assignee watches. */
import type { Context } from '@aws-appsync/utils';
import type { MutationAssignTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationAssignTaskArgs, Stash>) {
  ctx.stash.taskId = id(ctx.args.id, 'id');
  ctx.stash.assigneeId = ctx.args.assigneeId ? id(ctx.args.assigneeId, 'assigneeId') : null;
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
