/** createSprint: pipeline authorize (write) → .write. New sprints are PLANNED. */
import type { Context } from '@aws-appsync/utils';
import type { MutationCreateSprintArgs } from '../types/graphql.ts';
import { checkDates } from './lib/sprint.ts';
import { LIMITS, clearableText, id, text } from './lib/validate.ts';

export function request(ctx: Context<MutationCreateSprintArgs>) {
  const input = ctx.args.input;
  checkDates(input.startsAt, input.endsAt);
  ctx.stash.fields = {
    name: text(input.name, 'name', LIMITS.name),
    goal: clearableText(input.goal, 'goal', LIMITS.description) ?? null,
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
  };
  ctx.stash.projectId = id(input.projectId, 'projectId');
  ctx.stash.need = 'write';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
