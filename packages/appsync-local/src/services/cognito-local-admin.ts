/**
 * What the cognito-local child adds to cognito-local's targets so the global Admins' API behaves as
 * Cognito documents it (docs/local-services.md, "Admin operations"). Loaded by cognito-local-server.ts,
 * which routes every other target to cognito-local unchanged.
 *
 * - AdminUserGlobalSignOut (missing in cognito-local): revokes every refresh token of the user, so a
 *   refresh with any of them answers NotAuthorizedException (cognito-local's wording for an unknown
 *   refresh token; Cognito says "Refresh Token has been revoked").
 * - ListUsers: Cognito pages with `Limit` (1–60, default 60) and `PaginationToken`; cognito-local
 *   returns everyone at once and ignores both. Here pages follow the username order and the token names
 *   the last username of the page; a token that is not one of ours is InvalidParameterException.
 * - A disabled user (AdminDisableUser) cannot sign in or refresh: Cognito answers NotAuthorizedException
 *   "User is disabled."; cognito-local checked neither (InitiateAuth, AdminInitiateAuth,
 *   RespondToAuthChallenge). Cognito's answer as recorded in localstack/localstack#8454 and
 *   getmoto/moto#6552; the missing check is jagregory/cognito-local#381.
 */
import type { Context } from 'cognito-local/lib/services/context.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { User } from 'cognito-local/lib/services/userPoolService.js';

type Route = (ctx: Context, req: Record<string, unknown>) => Promise<unknown>;
type Router = (target: string) => Route;

interface Errors {
  NotAuthorizedError: new (message?: string) => Error;
  InvalidParameterError: new (message?: string) => Error;
  UserNotFoundError: new (message?: string) => Error;
}

export const LIST_USERS_MAX = 60;
const TOKEN_PREFIX = 'twlu1.';

export function encodePaginationToken(username: string): string {
  return TOKEN_PREFIX + Buffer.from(username, 'utf8').toString('base64url');
}

export function decodePaginationToken(token: unknown): string | null {
  if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) return null;
  const username = Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8');
  return username.length > 0 ? username : null;
}

/** One page of `users` (any order in): sorted by username, after the token's username. */
export function pageOfUsers<T extends { Username: string }>(users: readonly T[], limit: number, after: string | null): { page: T[]; next: string | null } {
  const sorted = [...users].sort((a, b) => (a.Username < b.Username ? -1 : a.Username > b.Username ? 1 : 0));
  const rest = after === null ? sorted : sorted.filter((u) => u.Username > after);
  const page = rest.slice(0, limit);
  return { page, next: rest.length > limit ? encodePaginationToken(page[page.length - 1]!.Username) : null };
}

export function withAdminTargets(router: Router, deps: { cognito: CognitoService; errors: Errors; userToResponseObject: (u: User) => unknown; clock: { get(): Date } }): Router {
  const { cognito, errors } = deps;

  async function userByUsername(ctx: Context, poolId: string, username: unknown): Promise<{ user: User | null; pool: Awaited<ReturnType<CognitoService['getUserPool']>> }> {
    const pool = await cognito.getUserPool(ctx, String(poolId));
    const user = typeof username === 'string' ? await pool.getUserByUsername(ctx, username) : null;
    return { user, pool };
  }

  const disabled = () => new errors.NotAuthorizedError('User is disabled.');

  /** Refuses a disabled user before cognito-local's own target runs. */
  const guardSignIn =
    (target: string, poolOf: (ctx: Context, req: Record<string, unknown>) => Promise<string | null>, usernameOf: (req: Record<string, unknown>) => unknown): Route =>
    async (ctx, req) => {
      const poolId = await poolOf(ctx, req);
      if (poolId) {
        const pool = await cognito.getUserPool(ctx, poolId);
        const params = (req.AuthParameters ?? {}) as Record<string, unknown>;
        const refresh = params.REFRESH_TOKEN;
        const user =
          typeof refresh === 'string'
            ? await pool.getUserByRefreshToken(ctx, refresh)
            : typeof usernameOf(req) === 'string'
              ? await pool.getUserByUsername(ctx, usernameOf(req) as string)
              : null;
        if (user && user.Enabled === false) throw disabled();
      }
      return router(target)(ctx, req);
    };

  const poolOfClient = async (ctx: Context, req: Record<string, unknown>) => {
    try {
      const pool = await cognito.getUserPoolForClientId(ctx, String(req.ClientId));
      return pool.options.Id;
    } catch {
      return null; // cognito-local's own target answers an unknown client
    }
  };

  const overrides: Record<string, Route> = {
    AdminUserGlobalSignOut: async (ctx, req) => {
      const { user, pool } = await userByUsername(ctx, String(req.UserPoolId), req.Username);
      if (!user) throw new errors.UserNotFoundError('User does not exist.');
      await pool.saveUser(ctx, { ...user, RefreshTokens: [], UserLastModifiedDate: deps.clock.get() });
      return {};
    },
    ListUsers: async (ctx, req) => {
      const limit = req.Limit === undefined || req.Limit === null ? LIST_USERS_MAX : Number(req.Limit);
      if (!Number.isInteger(limit) || limit < 0 || limit > LIST_USERS_MAX) {
        throw new errors.InvalidParameterError(`1 validation error detected: Value '${String(req.Limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${LIST_USERS_MAX}`);
      }
      let after: string | null = null;
      if (req.PaginationToken !== undefined && req.PaginationToken !== null) {
        after = decodePaginationToken(req.PaginationToken);
        if (after === null) throw new errors.InvalidParameterError('Invalid pagination token');
      }
      const pool = await cognito.getUserPool(ctx, String(req.UserPoolId));
      const users = await pool.listUsers(ctx, typeof req.Filter === 'string' ? req.Filter : undefined);
      const { page, next } = pageOfUsers(users, limit === 0 ? LIST_USERS_MAX : limit, after);
      return { Users: page.map(deps.userToResponseObject), ...(next ? { PaginationToken: next } : {}) };
    },
    InitiateAuth: guardSignIn('InitiateAuth', poolOfClient, (req) => (req.AuthParameters as Record<string, unknown> | undefined)?.USERNAME),
    AdminInitiateAuth: guardSignIn('AdminInitiateAuth', async (_ctx, req) => String(req.UserPoolId), (req) => (req.AuthParameters as Record<string, unknown> | undefined)?.USERNAME),
    RespondToAuthChallenge: guardSignIn('RespondToAuthChallenge', poolOfClient, (req) => (req.ChallengeResponses as Record<string, unknown> | undefined)?.USERNAME),
  };

  return (target) => overrides[target] ?? router(target);
}
