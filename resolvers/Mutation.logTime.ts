/** logTime: the entry, task.timeSpentMinutes and the activity, in one transaction. */
import type { Context } from '@aws-appsync/utils';
import type { MutationLogTimeArgs } from '../types/graphql.ts';
import { LIMITS, clearableText, id, intRange } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationLogTimeArgs, Stash>) {
  const input = ctx.args.input;
  ctx.stash.minutes = intRange(input.minutes, 'minutes', 1, 1440);
  ctx.stash.note = clearableText(input.note, 'note', LIMITS.description) ?? null;
  ctx.stash.taskId = id(input.taskId, 'taskId');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
