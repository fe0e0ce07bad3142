/**
 * Mutation.publishSprintChange(projectId, id) — IAM only (Taskwire's Lambda functions, e.g. the sprint
 * carry-over in functions/workers). Re-reads the sprint (strongly consistent GetItem; loadSprint
 * refuses a sprint of another project than the stashed projectId) and returns it, so AppSync delivers
 * it to onSprintChanged subscribers of its project. Subscribers
 * receive only the fields this mutation's selection set selected: the caller must select the whole
 * Sprint. Unknown sprint or another project's → NotFound (and nothing is delivered).
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationPublishSprintChangeArgs } from '../types/graphql.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationPublishSprintChangeArgs, Stash>) {
  ctx.stash.projectId = id(ctx.args.projectId, 'projectId');
  ctx.stash.sprintId = id(ctx.args.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<MutationPublishSprintChangeArgs, Stash>) {
  return ctx.stash.sprint;
}
