/** Resolvers of projects, their members and integration tokens, and people's profiles and notifications. */
import type { DataSourceDef } from './manifest.ts';
import { pipeline, unit, type Entry } from './manifest.helpers.ts';

export const dataSources: Record<string, DataSourceDef> = {
  membersFn: { type: 'AWS_LAMBDA', function: 'members' },
  tokensFn: { type: 'AWS_LAMBDA', function: 'tokens' },
};

export const offTable: Record<string, string> = {
  'Mutation.addMember.findUser': 'membersFn',
  'Mutation.createIntegrationToken.generate': 'tokensFn',
};

/** The signed-in person's profile, created on first use (steps/profile*.ts). */
const PROFILE_STEPS = ['profileGet', 'profileLookup', 'profileCreate'];

export const resolvers: Entry[] = [
  // profileSignIn records the sign-in time of the caller's token (lastSignInAt, read by adminUsers).
  pipeline('Query.me', [...PROFILE_STEPS, 'profileSignIn']),
  unit('Mutation.updateProfile'),

  pipeline('Mutation.createProject', [...PROFILE_STEPS, '.write']),
  pipeline('Query.project', ['loadProject', 'authorize']),
  pipeline('Query.myProjects', ['.memberships', '.projects']),
  pipeline('Mutation.updateProject', ['loadProject', 'authorize', '.save']),
  pipeline('Mutation.archiveProject', ['loadProject', 'authorize', 'setProjectArchived']),
  pipeline('Mutation.restoreProject', ['loadProject', 'authorize', 'setProjectArchived']),

  pipeline('Query.projectMembers', ['loadProject', 'authorize', '.list']),
  pipeline('Mutation.addMember', ['loadProject', 'authorize', '.findUser', 'loadMembership', '.save']),
  pipeline('Mutation.updateMemberRole', ['loadProject', 'authorize', 'loadMembership', '.save']),
  pipeline('Mutation.removeMember', ['loadProject', 'authorize', 'loadMembership', '.save']),

  pipeline('Query.integrationTokens', ['loadProject', 'authorize', '.list']),
  pipeline('Mutation.createIntegrationToken', ['loadProject', 'authorize', '.generate', '.save']),
  pipeline('Mutation.revokeIntegrationToken', ['loadProject', 'authorize', '.load', '.save']),

  unit('Query.myNotifications'),
  pipeline('Mutation.markNotificationsRead', ['.find', '.save']),
  unit('Mutation.publishNotification'),
  unit('Subscription.onNotification', 'none'),
];
