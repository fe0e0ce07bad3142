/**
 * addMember's Lambda step (`members`): finds the Cognito user by email or invites them.
 *   payload { email } → { userId, email, displayName, invited }
 * Sets ctx.stash.person and ctx.stash.memberUserId (for loadMembership).
 */
import { util, type Context } from '@aws-appsync/utils';

export interface FoundPerson {
  userId: string;
  email: string;
  displayName: string | null;
  invited: boolean;
}

export function request(ctx: Context) {
  return { operation: 'Invoke' as const, payload: { email: ctx.stash.email as string } };
}

export function response(ctx: Context) {
  if (ctx.error) return util.error('Could not look up or invite that person; try again', 'MemberLookupFailed');
  const person = ctx.result as FoundPerson;
  ctx.stash.person = person;
  ctx.stash.memberUserId = person.userId;
  return person;
}
