/** revokeIntegrationToken's write: version-checked revoke + Activity, in one transaction. */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { tokenKey } from '../model/keys.ts';
import { activityItem, change } from './lib/activity.ts';
import { cancellation, versionedTxFailure } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { withoutSecret } from './lib/tokens.ts';
import { bumped, versionedUpdate } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const token = withoutSecret(ctx.stash.token);
  if (token.revoked) return runtime.earlyReturn(token);
  const table = tableName(ctx);
  const t = now();
  const set = { revoked: true, revokedAt: t };
  ctx.stash.result = bumped(token, set, t);
  return ddb.transactWrite({
    items: [
      versionedUpdate({ table, key: tokenKey(token.projectId, token.id), expectedVersion: token.version, set, now: t }),
      activityItem({
        table,
        projectId: token.projectId,
        entityType: 'INTEGRATION_TOKEN',
        entityId: token.id,
        action: 'TOKEN_REVOKED',
        actor: ctx.stash.actor,
        changes: [change('revoked', false, true)],
        now: t,
      }),
    ],
  });
}

export function response(ctx: Context<unknown, Stash>) {
  const failed = cancellation(ctx);
  if (failed) return versionedTxFailure(failed, 0, 'Integration token', ctx.stash.token.version);
  return ctx.stash.result;
}
