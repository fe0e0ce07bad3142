/** Resolvers of the global Admins' API: one Lambda data source. */
import type { DataSourceDef } from './manifest.ts';
import { unit, type Entry } from './manifest.helpers.ts';

export const dataSources: Record<string, DataSourceDef> = {
  adminFn: { type: 'AWS_LAMBDA', function: 'admin' },
};

export const offTable: Record<string, string> = {};

export const resolvers: Entry[] = [
  unit('Query.adminProjects', 'adminFn'),
  unit('Query.adminUsers', 'adminFn'),
  unit('Mutation.adminInviteUser', 'adminFn'),
  unit('Mutation.adminSetUserEnabled', 'adminFn'),
];
