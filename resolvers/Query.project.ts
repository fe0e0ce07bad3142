/** Query.project: the project with the caller's role. */
import type { Context } from '@aws-appsync/utils';
import type { QueryProjectArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QueryProjectArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.id, 'id');
  ctx.stash.need = 'read';
  ctx.stash.needRole = true;
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  const actor = ctx.stash.actor;
  return Object.assign({}, ctx.stash.project, { myRole: actor.role });
}
