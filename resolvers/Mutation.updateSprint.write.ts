/** updateSprint step: stale expectedVersion → ConflictError; dates checked against the merged result. */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateSprintArgs } from '../types/graphql.ts';
import { cancellation, versionedTxFailure } from './lib/errors.ts';
import { checkDates, sprintWriteRequest, type SprintItem } from './lib/sprint.ts';
import { checkVersion } from './lib/versioned.ts';

export function request(ctx: Context<MutationUpdateSprintArgs>) {
  const sprint = ctx.stash.sprint as SprintItem;
  checkVersion(sprint.version, ctx.args.input.expectedVersion);
  const merged = Object.assign({}, sprint, ctx.stash.fields as Record<string, unknown>) as SprintItem;
  checkDates(merged.startsAt, merged.endsAt);
  return sprintWriteRequest(ctx, ctx.stash.fields as Record<string, unknown>, 'UPDATED');
}

export function response(ctx: Context) {
  const c = cancellation(ctx);
  if (c) versionedTxFailure(c, 0, 'Sprint', (ctx.stash.sprint as SprintItem).version);
  return ctx.stash.after;
}
