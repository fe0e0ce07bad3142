/** sprintReport step (Lambda `reports`): the report of the loaded, authorised sprint. */
import { util, type Context } from '@aws-appsync/utils';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  return {
    operation: 'Invoke',
    payload: { report: 'sprint', sprintId: ctx.stash.sprintId, projectId: ctx.stash.projectId },
  };
}

/**
 * The function answers { data } or { error: { type, message } } (stable errorTypes); a failure of the
 * function itself is logged and answered as InternalFailure, without its details.
 */
export function response(ctx: Context<unknown, Stash>) {
  if (ctx.error) {
    console.error('sprintReport: the reports function failed', ctx.error.type, ctx.error.message);
    return util.error('The report could not be built; try again', 'InternalFailure');
  }
  const answer = ctx.result as { data?: unknown; error?: { type: string; message: string } } | null;
  if (!answer) return util.error('The report could not be built; try again', 'InternalFailure');
  if (answer.error) return util.error(answer.error.message, answer.error.type);
  return answer.data;
}
