/**
 * Mutation.updateProfile — unit UpdateItem (upsert): sets the given fields; a profile that does not
 * exist yet gets the defaults for the rest (if_not_exists), so it works before the first `me`.
 * Personal settings: no project, so no Activity entry.
 */
import { util, type Context } from '@aws-appsync/utils';
import { ENTITY, profileKey } from '../model/keys.ts';
import type { MutationUpdateProfileArgs, User } from '../types/graphql.ts';
import { raiseIfError, validationError } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { PROFILE_DEFAULTS, signedInUser } from './lib/user.ts';
import { intRange, LIMITS, text } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

/** Loose IANA check: `UTC`, or Area/Location[/Sub] of letters, digits, `_`, `+`, `-`. */
const TIME_ZONE = '^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$';

export function request(ctx: Context<MutationUpdateProfileArgs, Stash>) {
  const user = signedInUser(ctx);
  const input = ctx.args.input;
  const t = now();
  const set: Record<string, unknown> = {};
  if (input.displayName !== undefined && input.displayName !== null) {
    set.displayName = text(input.displayName, 'displayName', LIMITS.name);
  }
  if (input.timeZone !== undefined && input.timeZone !== null) {
    const tz = text(input.timeZone, 'timeZone', 64);
    if (!util.matches(TIME_ZONE, tz)) validationError('timeZone must be an IANA time zone such as Europe/Berlin', 'timeZone');
    set.timeZone = tz;
  }
  if (input.reminderLeadMinutes !== undefined && input.reminderLeadMinutes !== null) {
    set.reminderLeadMinutes = intRange(input.reminderLeadMinutes, 'reminderLeadMinutes', 0, 20160);
  }
  if (input.emailNotifications !== undefined && input.emailNotifications !== null) {
    set.emailNotifications = input.emailNotifications;
  }
  if (Object.keys(set).length === 0) return validationError('Nothing to update: give at least one field', 'input');

  const defaults: Record<string, unknown> = {
    displayName: user.name,
    timeZone: PROFILE_DEFAULTS.timeZone,
    reminderLeadMinutes: PROFILE_DEFAULTS.reminderLeadMinutes,
    emailNotifications: PROFILE_DEFAULTS.emailNotifications,
    email: user.email,
    createdAt: t,
  };
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt', '#entity': 'entity', '#id': 'id' };
  const values: Record<string, unknown> = { ':zero': 0, ':one': 1, ':now': t, ':entity': ENTITY.profile, ':id': user.sub };
  const parts = ['#version = if_not_exists(#version, :zero) + :one', '#updatedAt = :now', '#entity = :entity', '#id = :id'];
  Object.keys(set).forEach((f) => {
    names[`#${f}`] = f;
    values[`:${f}`] = set[f];
    parts.push(`#${f} = :${f}`);
  });
  Object.keys(defaults)
    .filter((f) => !Object.hasOwn(set, f))
    .forEach((f) => {
      names[`#${f}`] = f;
      values[`:d_${f}`] = defaults[f];
      parts.push(`#${f} = if_not_exists(#${f}, :d_${f})`);
    });
  return {
    operation: 'UpdateItem' as const,
    key: util.dynamodb.toMapValues(profileKey(user.sub)),
    update: {
      expression: `SET ${parts.join(', ')}`,
      expressionNames: names,
      expressionValues: util.dynamodb.toMapValues(values),
    },
  };
}

export function response(ctx: Context<unknown, Stash>) {
  raiseIfError(ctx);
  return ctx.result as User;
}
