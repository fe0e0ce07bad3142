/** updateProject (project ADMINs): name and description, versioned. */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateProjectArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<MutationUpdateProjectArgs>) {
  ctx.stash.projectId = id(ctx.args.input.id, 'id');
  ctx.stash.need = 'admin';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
