/** archiveProject (project ADMINs): the project becomes read-only until restored. */
import type { Context } from '@aws-appsync/utils';
import type { MutationArchiveProjectArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationArchiveProjectArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.id, 'id');
  ctx.stash.need = 'admin';
  ctx.stash.whileArchived = true;
  ctx.stash.archive = true;
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
