/** Manifest entries of the global Admins' API (merged by resolvers/manifest.ts): one Lambda data source. */
import type { DataSourceDef, FunctionDef, ResolverDef } from './manifest.ts';
import { unit } from './manifest.helpers.ts';

export const dataSources: Record<string, DataSourceDef> = {
  adminFn: { type: 'AWS_LAMBDA', function: 'admin' },
};

export const functions: Record<string, FunctionDef> = {};

export const resolvers: Record<string, ResolverDef> = {
  'Query.adminProjects': unit('Query.adminProjects', 'adminFn'),
  'Query.adminUsers': unit('Query.adminUsers', 'adminFn'),
  'Mutation.adminInviteUser': unit('Mutation.adminInviteUser', 'adminFn'),
  'Mutation.adminSetUserEnabled': unit('Mutation.adminSetUserEnabled', 'adminFn'),
};
