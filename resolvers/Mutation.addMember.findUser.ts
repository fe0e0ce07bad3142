/**
 * addMember's Lambda step (`members`): finds the Cognito user by email or invites them.
 *   payload { email } → { userId, email, displayName, invited }
 * Sets ctx.stash.found and ctx.stash.memberUserId (for loadMembership).
 */
import { util, type Context } from '@aws-appsync/utils';
import type { FoundPerson } from '../functions/members/contract.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  return { operation: 'Invoke' as const, payload: { email: ctx.stash.email } };
}

export function response(ctx: Context<unknown, Stash>) {
  if (ctx.error) return util.error('Could not look up or invite that person; try again', 'MemberLookupFailed');
  const person = ctx.result as FoundPerson;
  ctx.stash.found = person;
  ctx.stash.memberUserId = person.userId;
  return person;
}
