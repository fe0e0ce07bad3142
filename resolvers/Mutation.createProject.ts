/**
 * createProject: the creator's profile first (created on first use, with their email from Cognito),
 * then the project.
 */
import type { Context } from '@aws-appsync/utils';
import type { MutationCreateProjectArgs } from '../types/graphql.ts';

export function request(ctx: Context<MutationCreateProjectArgs>) {
  return {};
}

export function response(ctx: Context<MutationCreateProjectArgs>) {
  return ctx.prev.result;
}
