/**
 * updateSprint step: stale expectedVersion → ConflictError. When a date is given, the resulting pair is
 * checked, the stored other date included (one stored before dates were bounded is refused by name).
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateSprintArgs } from '../types/graphql.ts';
import { cancellation, versionedTxFailure } from './lib/errors.ts';
import { checkDates, sprintWriteRequest, type SprintItem } from './lib/sprint.ts';
import { optionalInstant } from './lib/validate.ts';
import { checkVersion } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateSprintArgs, Stash>) {
  const sprint = ctx.stash.sprint;
  checkVersion(sprint.version, ctx.args.input.expectedVersion);
  const fields = ctx.stash.fields;
  const givesEnd = Object.hasOwn(fields, 'endsAt');
  if (givesEnd || Object.hasOwn(fields, 'startsAt')) {
    const merged = Object.assign({}, sprint, fields) as SprintItem;
    checkDates(optionalInstant(merged.startsAt, 'startsAt'), optionalInstant(merged.endsAt, 'endsAt'), givesEnd ? 'endsAt' : 'startsAt');
  }
  return sprintWriteRequest(ctx, fields, 'UPDATED');
}

export function response(ctx: Context<unknown, Stash>) {
  const c = cancellation(ctx);
  if (c) versionedTxFailure(c, 0, 'Sprint', ctx.stash.sprint.version);
  return ctx.stash.sprintAfter;
}
