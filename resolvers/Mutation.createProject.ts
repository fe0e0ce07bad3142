/**
 * createProject: the creator's profile first (created on first use, with their email from Cognito),
 * then the project.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationCreateProjectArgs } from '../types/graphql.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<MutationCreateProjectArgs, Stash>) {
  return {};
}

export function response(ctx: Context<MutationCreateProjectArgs, Stash>) {
  return ctx.prev.result;
}
