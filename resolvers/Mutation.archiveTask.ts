/** archiveTask: sets the archived flag and archivedAt; archived tasks leave the lists unless asked for. */
import type { Context } from '@aws-appsync/utils';
import type { MutationArchiveTaskArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationArchiveTaskArgs, Stash>) {
  ctx.stash.taskId = id(ctx.args.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
