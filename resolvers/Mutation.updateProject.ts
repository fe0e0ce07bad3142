/** updateProject (project ADMINs): name and description, versioned. */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateProjectArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateProjectArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.input.id, 'id');
  ctx.stash.need = 'admin';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
