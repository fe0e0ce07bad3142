/** createIntegrationToken's write: conditional put of the token (hash only) + Activity. */
import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, tokenKey } from '../model/keys.ts';
import type { IntegrationToken } from '../types/graphql.ts';
import { activityItem, change } from './lib/activity.ts';
import { cancellation, conflict } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { tableName } from './lib/table.ts';
import { createCondition } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

export function request(ctx: Context<unknown, Stash>) {
  const projectId = ctx.stash.projectId;
  const g = ctx.stash.generated;
  const actor = ctx.stash.actor;
  const table = tableName(ctx);
  const t = now();
  const token: IntegrationToken = {
    id: g.tokenId,
    projectId,
    name: ctx.stash.name,
    scope: ctx.stash.scope,
    prefix: g.prefix,
    createdBy: actor.id,
    createdAt: t,
    revoked: false,
    revokedAt: null,
    version: 1,
  };
  ctx.stash.result = { token, secret: g.token };
  return ddb.transactWrite({
    items: [
      {
        putItem: {
          table,
          key: tokenKey(projectId, g.tokenId),
          item: Object.assign({ entity: ENTITY.token, secretHash: g.secretHash, updatedAt: t }, token),
          condition: createCondition,
        },
      },
      activityItem({
        table,
        projectId,
        entityType: 'INTEGRATION_TOKEN',
        entityId: g.tokenId,
        action: 'TOKEN_CREATED',
        actor,
        changes: [change('name', null, token.name), change('scope', null, token.scope)],
        now: t,
      }),
    ],
  });
}

export function response(ctx: Context<unknown, Stash>) {
  if (cancellation(ctx)) return conflict(null);
  return ctx.stash.result;
}
