/** Manifest entries of shared steps, projects, members, profile, integration tokens and notifications (merged by resolvers/manifest.ts). */
import type { DataSourceDef, FunctionDef, ResolverDef } from './manifest.ts';

export const dataSources: Record<string, DataSourceDef> = {
  membersFn: { type: 'AWS_LAMBDA', function: 'members' },
  tokensFn: { type: 'AWS_LAMBDA', function: 'tokens' },
};

/**
 * Shared steps (reference them by name from any pipeline):
 *   authorize       ctx.stash.{projectId, need[, needRole, what]} → ctx.stash.actor (steps/authorize.ts)
 *   loadProject     ctx.stash.projectId → ctx.stash.project, NotFound when absent
 *   loadMembership  ctx.stash.{projectId, memberUserId} → ctx.stash.membership (or null)
 */
export const functions: Record<string, FunctionDef> = {
  authorize: { file: 'steps/authorize.ts', dataSource: 'table' },
  loadProject: { file: 'steps/loadProject.ts', dataSource: 'table' },
  loadMembership: { file: 'steps/loadMembership.ts', dataSource: 'table' },
};

export const resolvers: Record<string, ResolverDef> = {};
