/**
 * addMember's write: conditional put of the membership (+ the project's adminCount for an ADMIN)
 * and its Activity, in one transaction. See Mutation.addMember.ts for what happens when the person is
 * already a member.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { ENTITY, membershipIndexKeys, membershipKey } from '../model/keys.ts';
import { activityItem, change } from './lib/activity.ts';
import { cancellation, stateConflict } from './lib/errors.ts';
import { now } from './lib/ids.ts';
import { adminCountChange } from './lib/members.ts';
import { tableName } from './lib/table.ts';
import { createCondition } from './lib/versioned.ts';
import type { Stash } from './lib/stash.ts';

function alreadyMember(userId: string, role: string): never {
  return stateConflict(`That person is already a member (${role}); use updateMemberRole to change the role`, 'ALREADY_MEMBER', {
    userId,
    role,
  });
}

export function request(ctx: Context<unknown, Stash>) {
  const projectId = ctx.stash.projectId;
  const person = ctx.stash.found;
  const role = ctx.stash.role;
  const existing = ctx.stash.membership;
  if (existing) {
    if (existing.role === role) return runtime.earlyReturn(existing);
    return alreadyMember(person.userId, existing.role);
  }
  const actor = ctx.stash.actor;
  const table = tableName(ctx);
  const t = now();
  const membership = {
    projectId,
    userId: person.userId,
    email: person.email,
    displayName: person.displayName,
    role,
    status: person.invited ? 'INVITED' : 'ACTIVE',
    addedBy: actor.id,
    createdAt: t,
    updatedAt: t,
    version: 1,
  };
  ctx.stash.result = membership;
  const items: ddb.TransactWriteItem[] = [
    {
      putItem: {
        table,
        key: membershipKey(projectId, person.userId),
        item: Object.assign({ entity: ENTITY.membership }, membershipIndexKeys(person.userId, projectId), membership),
        condition: createCondition,
      },
    },
    activityItem({
      table,
      projectId,
      entityType: 'MEMBERSHIP',
      entityId: person.userId,
      action: 'MEMBER_ADDED',
      actor,
      changes: [change('role', null, role), change('email', null, person.email)],
      now: t,
    }),
  ];
  if (role === 'ADMIN') items.push(adminCountChange(table, projectId, 1));
  return ddb.transactWrite({ items });
}

export function response(ctx: Context<unknown, Stash>) {
  const failed = cancellation(ctx);
  if (failed) {
    const person = ctx.stash.found;
    return alreadyMember(person.userId, failed.item ? String(failed.item.role) : 'another role');
  }
  return ctx.stash.result;
}
