/** createSprint: new sprints are PLANNED. */
import type { Context } from '@aws-appsync/utils';
import type { MutationCreateSprintArgs } from '../types/graphql.ts';
import { checkDates } from './lib/sprint.ts';
import { LIMITS, clearableText, id, optionalInstant, text } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationCreateSprintArgs, Stash>) {
  const input = ctx.args.input;
  const startsAt = optionalInstant(input.startsAt, 'startsAt') ?? null;
  const endsAt = optionalInstant(input.endsAt, 'endsAt') ?? null;
  checkDates(startsAt, endsAt, 'endsAt');
  ctx.stash.fields = {
    name: text(input.name, 'name', LIMITS.name),
    goal: clearableText(input.goal, 'goal', LIMITS.description) ?? null,
    startsAt,
    endsAt,
  };
  ctx.stash.projectId = id(input.projectId, 'projectId');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
