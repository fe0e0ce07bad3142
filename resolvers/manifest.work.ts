/** Manifest entries of stories, tasks, sprints, comments, attachments, time and activity (merged by resolvers/manifest.ts). */
import type { DataSourceDef, FunctionDef, ResolverDef } from './manifest.ts';

export const dataSources: Record<string, DataSourceDef> = {};
export const functions: Record<string, FunctionDef> = {};
export const resolvers: Record<string, ResolverDef> = {};
