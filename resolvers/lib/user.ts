/**
 * The signed-in person (Cognito user pools identity) and their profile defaults.
 *   signedInUser(ctx)        { sub, email, name, username, globalAdmin } or Unauthorized for any other
 *                            identity (tokens and IAM have no person behind them)
 *   profileDefaults(u, now)  the User item `me` creates on first call
 */
import { util } from '@aws-appsync/utils';
import { ENTITY, profileKey } from '../../model/keys.ts';
import { ADMINS_GROUP } from './actor.ts';

export interface SignedInUser {
  sub: string;
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
  return { sub: identity.sub, email, name, globalAdmin: (identity.groups ?? []).indexOf(ADMINS_GROUP) >= 0 };
}

export const PROFILE_DEFAULTS = { timeZone: 'UTC', reminderLeadMinutes: 60, emailNotifications: true } as const;

export function profileDefaults(u: SignedInUser, now: string) {
  return Object.assign({}, profileKey(u.sub), {
    entity: ENTITY.profile,
    id: u.sub,
    email: u.email,
    displayName: u.name,
    timeZone: PROFILE_DEFAULTS.timeZone,
    reminderLeadMinutes: PROFILE_DEFAULTS.reminderLeadMinutes,
    emailNotifications: PROFILE_DEFAULTS.emailNotifications,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
}
