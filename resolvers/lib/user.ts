/**
 * The signed-in person (Cognito user pools identity) and their profile defaults.
 *   signedInUser(ctx)        { sub, username, email, name, globalAdmin } or Unauthorized for any other
 *                            identity (tokens and IAM have no person behind them)
 *   profileDefaults(u, now, person?)  the User item created on first use (steps/profileCreate), with
 *                            the email and name Cognito knows (steps/profileLookup) over token claims
 */
import { PROFILE_DEFAULTS } from '../../model/profile.ts';
import { util } from '@aws-appsync/utils';
import { ENTITY, profileKey } from '../../model/keys.ts';
import { ADMINS_GROUP } from './actor.ts';

export interface SignedInUser {
  sub: string;
  /** The Cognito username (AdminGetUser takes it): `cognito:username`, or `username` in access tokens. */
  username: string;
  email: string | null;
  name: string;
  globalAdmin: boolean;
}

interface CognitoLike {
  sub?: string;
  username?: string;
  groups?: string[] | null;
  claims?: Record<string, unknown> | null;
  resolverContext?: unknown;
}

export function signedInUser(ctx: { identity?: unknown }): SignedInUser {
  const identity = ctx.identity as CognitoLike | null | undefined;
  if (!identity || !identity.sub || identity.resolverContext) return util.unauthorized();
  const claims = identity.claims ?? {};
  const email = typeof claims.email === 'string' ? claims.email : null;
  const claimName = typeof claims.name === 'string' ? claims.name : null;
  const name = claimName ?? email ?? identity.username ?? identity.sub;
  return {
    sub: identity.sub,
    username: identity.username ?? identity.sub,
    email,
    name,
    globalAdmin: (identity.groups ?? []).indexOf(ADMINS_GROUP) >= 0,
  };
}

export { PROFILE_DEFAULTS };

/** What Cognito says about a person (Lambda `members`), when it could tell. */
export interface Person {
  email: string | null;
  displayName: string | null;
}

/** The fields of a stored profile other steps read. */
export interface Profile {
  id: string;
  email: string | null;
  displayName: string;
}

export function profileDefaults(u: SignedInUser, now: string, person?: Person | null) {
  const email = (person && person.email) || u.email;
  return Object.assign({}, profileKey(u.sub), {
    entity: ENTITY.profile,
    id: u.sub,
    email,
    displayName: (person && person.displayName) || (u.name === u.username || u.name === u.sub ? email || u.name : u.name),
    timeZone: PROFILE_DEFAULTS.timeZone,
    reminderLeadMinutes: PROFILE_DEFAULTS.reminderLeadMinutes,
    emailNotifications: PROFILE_DEFAULTS.emailNotifications,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
}
