/** restoreProject (project ADMINs): an archived project becomes writable again. */
import type { Context } from '@aws-appsync/utils';
import type { MutationRestoreProjectArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationRestoreProjectArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.id, 'id');
  ctx.stash.need = 'admin';
  ctx.stash.whileArchived = true;
  ctx.stash.archive = false;
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
