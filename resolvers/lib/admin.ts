/**
 * The global Admins' API (Lambda `admin`, functions/admin/handler.ts).
 *   globalAdmin(ctx)       the signed-in person when they are in the Cognito group `Admins`; Unauthorized
 *                          for anyone else (project ADMINs, integration tokens, IAM) — checked here as
 *                          well as by the schema's `cognito_groups` directive
 *   invokeAdmin(payload)   the Lambda Invoke request
 *   adminAnswer(ctx, what) the function's { data } or { error: { type, message } } as the field's
 *                          result; a failure of the function itself is logged and answered as
 *                          InternalFailure, without its details
 */
import { util, type Context } from '@aws-appsync/utils';
import { signedInUser, type SignedInUser } from './user.ts';
import type { Stash } from './stash.ts';

export function globalAdmin(ctx: Context<unknown, Stash>): SignedInUser {
  const user = signedInUser(ctx);
  if (!user.globalAdmin) return util.unauthorized();
  return user;
}

export function invokeAdmin(payload: Record<string, unknown>) {
  return { operation: 'Invoke' as const, payload };
}

export function adminAnswer(ctx: Context<unknown, Stash>, what: string): unknown {
  if (ctx.error) {
    console.error(`${what}: the admin function failed`, ctx.error.type, ctx.error.message);
    return util.error(`${what} failed; try again`, 'InternalFailure');
  }
  const answer = ctx.result as { data?: unknown; error?: { type: string; message: string } } | null;
  if (!answer) return util.error(`${what} failed; try again`, 'InternalFailure');
  if (answer.error) return util.error(answer.error.message, answer.error.type);
  return answer.data;
}
