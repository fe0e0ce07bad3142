/** Manifest entries of shared steps, projects, members, profile, integration tokens and notifications (merged by resolvers/manifest.ts). */
import type { DataSourceDef, FunctionDef, ResolverDef } from './manifest.ts';
import { own, pipeline, steps, unit } from './manifest.helpers.ts';

export const dataSources: Record<string, DataSourceDef> = {
  membersFn: { type: 'AWS_LAMBDA', function: 'members' },
  tokensFn: { type: 'AWS_LAMBDA', function: 'tokens' },
};

/**
 * Shared steps (reference them by name from any pipeline):
 *   authorize       ctx.stash.{projectId, need[, needRole, what]} → ctx.stash.actor (steps/authorize.ts)
 *   loadProject     ctx.stash.projectId → ctx.stash.project, NotFound when absent
 *   loadMembership  ctx.stash.{projectId, memberUserId} → ctx.stash.membership (or null)
 *   profileGet, profileLookup, profileCreate   (in this order) → the signed-in person's profile,
 *                   created on first use with the email Cognito knows for them
 *   profileSignIn   (after those, in Query.me) records the token's sign-in time as lastSignInAt
 * Operation-specific functions are named after their file (`Mutation.addMember.save`).
 */
export const functions: Record<string, FunctionDef> = {
  ...steps(['authorize', 'loadProject', 'loadMembership', 'setProjectArchived', 'profileGet', 'profileCreate', 'profileSignIn']),
  ...steps(['profileLookup'], 'membersFn'),
  ...own([
    'Mutation.createProject.write',
    'Query.myProjects.memberships',
    'Query.myProjects.projects',
    'Query.projectMembers.list',
    'Mutation.updateProject.save',
    'Mutation.addMember.save',
    'Mutation.updateMemberRole.save',
    'Mutation.removeMember.save',
    'Query.integrationTokens.list',
    'Mutation.createIntegrationToken.save',
    'Mutation.revokeIntegrationToken.load',
    'Mutation.revokeIntegrationToken.save',
    'Mutation.markNotificationsRead.find',
    'Mutation.markNotificationsRead.save',
  ]),
  ...own(['Mutation.addMember.findUser'], 'membersFn'),
  ...own(['Mutation.createIntegrationToken.generate'], 'tokensFn'),
};

/** The signed-in person's profile, created on first use (steps/profile*.ts). */
const PROFILE_STEPS = ['profileGet', 'profileLookup', 'profileCreate'];

export const resolvers: Record<string, ResolverDef> = {
  // profileSignIn records the sign-in time of the caller's token (lastSignInAt, read by adminUsers).
  'Query.me': pipeline('Query.me', [...PROFILE_STEPS, 'profileSignIn']),
  'Mutation.updateProfile': unit('Mutation.updateProfile'),

  'Mutation.createProject': pipeline('Mutation.createProject', [...PROFILE_STEPS, 'Mutation.createProject.write']),
  'Query.project': pipeline('Query.project', ['loadProject', 'authorize']),
  'Query.myProjects': pipeline('Query.myProjects', ['Query.myProjects.memberships', 'Query.myProjects.projects']),
  'Mutation.updateProject': pipeline('Mutation.updateProject', ['loadProject', 'authorize', 'Mutation.updateProject.save']),
  'Mutation.archiveProject': pipeline('Mutation.archiveProject', ['loadProject', 'authorize', 'setProjectArchived']),
  'Mutation.restoreProject': pipeline('Mutation.restoreProject', ['loadProject', 'authorize', 'setProjectArchived']),

  'Query.projectMembers': pipeline('Query.projectMembers', ['loadProject', 'authorize', 'Query.projectMembers.list']),
  'Mutation.addMember': pipeline('Mutation.addMember', [
    'loadProject',
    'authorize',
    'Mutation.addMember.findUser',
    'loadMembership',
    'Mutation.addMember.save',
  ]),
  'Mutation.updateMemberRole': pipeline('Mutation.updateMemberRole', [
    'loadProject',
    'authorize',
    'loadMembership',
    'Mutation.updateMemberRole.save',
  ]),
  'Mutation.removeMember': pipeline('Mutation.removeMember', ['loadProject', 'authorize', 'loadMembership', 'Mutation.removeMember.save']),

  'Query.integrationTokens': pipeline('Query.integrationTokens', ['loadProject', 'authorize', 'Query.integrationTokens.list']),
  'Mutation.createIntegrationToken': pipeline('Mutation.createIntegrationToken', [
    'loadProject',
    'authorize',
    'Mutation.createIntegrationToken.generate',
    'Mutation.createIntegrationToken.save',
  ]),
  'Mutation.revokeIntegrationToken': pipeline('Mutation.revokeIntegrationToken', [
    'loadProject',
    'authorize',
    'Mutation.revokeIntegrationToken.load',
    'Mutation.revokeIntegrationToken.save',
  ]),

  'Query.myNotifications': unit('Query.myNotifications'),
  'Mutation.markNotificationsRead': pipeline('Mutation.markNotificationsRead', [
    'Mutation.markNotificationsRead.find',
    'Mutation.markNotificationsRead.save',
  ]),
  'Mutation.publishNotification': unit('Mutation.publishNotification'),
  'Subscription.onNotification': unit('Subscription.onNotification', 'none'),
};
