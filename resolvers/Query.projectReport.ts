/**
 * projectReport(projectId): built by the `reports` function.
 * A non-member (or a token of another project) gets NotFound, as for the project itself.
 */
import type { Context } from '@aws-appsync/utils';
import type { QueryProjectReportArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryProjectReportArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
