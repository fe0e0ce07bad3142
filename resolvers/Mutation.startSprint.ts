/**
 * startSprint: at most one ACTIVE sprint per
 * project: the same transaction sets the project's activeSprintId on condition that none is set.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationStartSprintArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationStartSprintArgs, Stash>) {
  ctx.stash.sprintId = id(ctx.args.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
