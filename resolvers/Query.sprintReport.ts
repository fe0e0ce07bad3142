/**
 * sprintReport(sprintId): built by the `reports` function.
 * A non-member (or a token of another project) gets NotFound, as for the sprint itself.
 */
import type { Context } from '@aws-appsync/utils';
import type { QuerySprintReportArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QuerySprintReportArgs, Stash>) {
  ctx.stash.sprintId = id(ctx.args.sprintId, 'sprintId');
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
