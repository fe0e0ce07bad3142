/**
 * addMember (project ADMINs): finds the person by email, or invites them.
 * Adding someone who is already a member: same role → the existing membership is returned (idempotent,
 * nothing written); another role → ConflictError (reason ALREADY_MEMBER; use updateMemberRole).
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationAddMemberArgs } from '../types/graphql.ts';
import { validationError } from './lib/errors.ts';
import { id, LIMITS, oneOf, text } from './lib/validate.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationAddMemberArgs, Stash>) {
  const input = ctx.args.input;
  ctx.stash.projectId = id(input.projectId, 'projectId');
  ctx.stash.need = 'admin';
  const email = text(input.email, 'email', LIMITS.email).toLowerCase();
  if (email.indexOf('@') < 1) validationError('email must be an email address', 'email');
  ctx.stash.email = email;
  ctx.stash.role = oneOf(input.role, 'role', ['ADMIN', 'MEMBER', 'VIEWER']);
  return {};
}

export function response(ctx: Context<unknown, Stash>) {
  return ctx.prev.result;
}
