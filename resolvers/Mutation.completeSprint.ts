/**
 * completeSprint: .target checks the sprint the unfinished work goes to, .tasks reads that work.
 * One transaction marks the sprint COMPLETED (carriedOverTo = target or null) and clears the project's
 * activeSprintId. Unfinished tasks (not DONE) go to the target PLANNED sprint or to the backlog:
 *   ≤ 25 of them: inline, in the same transaction (each a versioned task write + its activity), and the
 *                 sprint is stored with carryOverDone: true;
 *   more:         the sprint is stored with carryOverDone: false and .carryOver invokes the `workers`
 *                 function (Event) with carryOverSprint, which moves them in conditional per-task
 *                 transactions and then sets carryOverDone: true.
 * completeSprint on a COMPLETED sprint whose carryOverDone is false re-starts the worker (resumable: it
 * moves only what is left). Readers see carryOverDone: false until the move is complete — never a half
 * state presented as final.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationCompleteSprintArgs } from '../types/graphql.ts';
import { validationError } from './lib/errors.ts';
import { id } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationCompleteSprintArgs, Stash>) {
  ctx.stash.sprintId = id(ctx.args.input.id, 'id');
  ctx.stash.targetId = ctx.args.input.carryOverTo ? id(ctx.args.input.carryOverTo, 'carryOverTo') : null;
  if (ctx.stash.targetId === ctx.stash.sprintId) validationError('A sprint cannot carry over to itself', 'carryOverTo');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
