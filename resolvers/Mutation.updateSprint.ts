/** updateSprint: versioned on expectedVersion. */
import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateSprintArgs } from '../types/graphql.ts';
import { validationError } from './lib/errors.ts';
import { LIMITS, clearableText, id, optionalInstant, text } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationUpdateSprintArgs, Stash>) {
  const input = ctx.args.input;
  const has = (k: string) => Object.hasOwn(input, k);
  const fields: Record<string, unknown> = {};
  if (has('name')) {
    if (input.name === null) validationError('name cannot be cleared', 'name');
    fields.name = text(input.name, 'name', LIMITS.name);
  }
  if (has('goal')) fields.goal = clearableText(input.goal, 'goal', LIMITS.description);
  if (has('startsAt')) fields.startsAt = optionalInstant(input.startsAt, 'startsAt');
  if (has('endsAt')) fields.endsAt = optionalInstant(input.endsAt, 'endsAt');
  ctx.stash.fields = fields;
  ctx.stash.sprintId = id(input.id, 'id');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
