/** Manifest entries of shared steps, projects, members, profile, integration tokens and notifications (merged by resolvers/manifest.ts). */
import type { DataSourceDef, FunctionDef, ResolverDef } from './manifest.ts';

export const dataSources: Record<string, DataSourceDef> = {};
export const functions: Record<string, FunctionDef> = {};
export const resolvers: Record<string, ResolverDef> = {};
