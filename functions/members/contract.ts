/**
 * What the `members` function takes and answers: an email (addMember finds or invites that person) or
 * a Cognito username (the profile steps look the caller up). Types only, so the APPSYNC_JS resolvers
 * and the handler import the same contract.
 */
export type MembersEvent = { email: string } | { username: string };

export interface FoundPerson {
  userId: string;
  email: string;
  displayName: string | null;
  invited: boolean;
}
