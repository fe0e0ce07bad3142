/**
 * Lambda `members` (data source of addMember's and the profile steps' pipelines). Two events (AppSync
 * Invoke payloads):
 *   { email }     finds a person by email in the Cognito user pool, inviting them when they have no
 *                 account (addMember);
 *   { username }  describes a signed-in person (their Cognito username, from the access token) so a
 *                 first profile gets their email: Amplify sends access tokens, which carry no email.
 * Both return { userId (the Cognito sub), email, displayName, invited }.
 * `invited` is true while the person has not yet set a password (FORCE_CHANGE_PASSWORD), so a retry
 * after the invitation answers the same. AdminCreateUser (Username = email: the pool's username
 * attribute) makes Cognito send its invitation email with a temporary password. Idempotent: an
 * existing user is never re-created; a concurrent invite (UsernameExistsException) is read back.
 * Env: USER_POOL_ID; the SDK's AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER locally.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../lib/clients.ts';
import { requireEnv } from '../lib/env.ts';

import type { FoundPerson, MembersEvent } from './contract.ts';

export type { FoundPerson, MembersEvent } from './contract.ts';

const attr = (attrs: AttributeType[] | undefined, name: string): string | undefined =>
  attrs?.find((a) => a.Name === name)?.Value;

function person(email: string, attrs: AttributeType[] | undefined, username: string | undefined, status: string | undefined): FoundPerson {
  const userId = attr(attrs, 'sub') ?? username;
  if (!userId) throw new Error('members: Cognito returned a user without sub');
  return {
    userId,
    email: attr(attrs, 'email') ?? email,
    displayName: attr(attrs, 'name') ?? attr(attrs, 'preferred_username') ?? null,
    invited: status === 'FORCE_CHANGE_PASSWORD',
  };
}

async function find(userPoolId: string, email: string): Promise<FoundPerson | null> {
  try {
    const u = await cognitoClient().send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    return person(email, u.UserAttributes, u.Username, u.UserStatus);
  } catch (e) {
    if ((e as { name?: string }).name === 'UserNotFoundException') return null;
    throw e;
  }
}

/** The signed-in person by Cognito username; null when the pool does not know them. */
async function describe(userPoolId: string, username: string): Promise<FoundPerson | null> {
  try {
    const u = await cognitoClient().send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
    return person(attr(u.UserAttributes, 'email') ?? '', u.UserAttributes, u.Username, u.UserStatus);
  } catch (e) {
    if ((e as { name?: string }).name === 'UserNotFoundException') return null;
    throw e;
  }
}

export async function handler(event: MembersEvent): Promise<FoundPerson | null> {
  if (event && 'username' in event) {
    if (typeof event.username !== 'string' || event.username.length === 0) throw new Error('members: payload.username must be a non-empty string');
    return describe(requireEnv('USER_POOL_ID'), event.username);
  }
  const email = typeof event?.email === 'string' ? event.email.trim().toLowerCase() : '';
  if (!email.includes('@')) throw new Error('members: payload.email is required');
  const userPoolId = requireEnv('USER_POOL_ID');
  const existing = await find(userPoolId, email);
  if (existing) return existing;
  try {
    const created = await cognitoClient().send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    return { ...person(email, created.User?.Attributes, created.User?.Username, created.User?.UserStatus), invited: true };
  } catch (e) {
    if ((e as { name?: string }).name !== 'UsernameExistsException') throw e;
    const raced = await find(userPoolId, email);
    if (!raced) throw e;
    return raced;
  }
}
