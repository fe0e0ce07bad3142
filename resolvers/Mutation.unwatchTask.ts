/** unwatchTask: removes the caller from the watchers; anyone who may see the task may (read access). */
import type { Context } from '@aws-appsync/utils';
import type { MutationUnwatchTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUnwatchTaskArgs, Stash>) {
  ctx.stash.taskId = id(ctx.args.id, 'id');
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
