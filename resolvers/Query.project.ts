/** Query.project: the project with the caller's role. */
import type { Context } from '@aws-appsync/utils';
import type { Project, QueryProjectArgs } from '../types/graphql.ts';
import type { Actor } from './lib/actor.ts';
import { id } from './lib/validate.ts';

export function request(ctx: Context<QueryProjectArgs>) {
  ctx.stash.projectId = id(ctx.args.id, 'id');
  ctx.stash.need = 'read';
  ctx.stash.needRole = true;
  return {};
}

export function response(ctx: Context) {
  const actor = ctx.stash.actor as Actor;
  return Object.assign({}, ctx.stash.project as Project, { myRole: actor.role });
}
