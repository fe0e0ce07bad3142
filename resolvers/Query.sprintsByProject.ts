/** sprintsByProject: byParent, optional state prefix. */
import type { Context } from '@aws-appsync/utils';
import type { SprintStateKey } from '../model/keys.ts';
import type { QuerySprintsByProjectArgs } from '../types/graphql.ts';
import { pageLimit } from './lib/page.ts';
import { id, oneOf } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<QuerySprintsByProjectArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.state = ctx.args.state ? oneOf<SprintStateKey>(ctx.args.state, 'state', ['PLANNED', 'ACTIVE', 'COMPLETED']) : null;
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.need = 'read';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
