/**
 * Writes to versioned items. Every item carries `version` (1 on create) and `updatedAt`; every change
 * bumps `version` by one and sets `updatedAt`, conditioned on the version the writer read or was given.
 *
 *   checkVersion(current, expected)     ConflictError({ currentVersion }) when they differ (before writing)
 *   versionedUpdate({...})              transact `updateItem`: SET fields, REMOVE `remove`, version+1,
 *                                       updatedAt=now, condition version = expectedVersion
 *   versionedUpdateRequest({...})       the same as a single UpdateItem request (ddb.update)
 *   bumped(item, fields, now, remove)   the item as it is after that update (transactions return no items)
 *   createCondition                     condition for creates: attribute_not_exists(PK)
 * Pair a failed transaction with errors.ts `cancellation` + `versionedTxFailure`, and a failed
 * UpdateItem with `singleWriteResult`.
 */
import * as ddb from '@aws-appsync/utils/dynamodb';
import type { Key } from '../../model/keys.ts';
import { conflict } from './errors.ts';

export const createCondition = { PK: { attributeExists: false } };

export function checkVersion(current: number, expected: number | null | undefined): void {
  if (expected !== null && expected !== undefined && current !== expected) conflict(current);
}

export interface VersionedUpdate {
  table: string;
  key: Key;
  expectedVersion: number;
  set: Record<string, unknown>;
  remove?: string[];
  now: string;
}

function updateObject(u: VersionedUpdate): Record<string, unknown> {
  const update: Record<string, unknown> = Object.assign({}, u.set, {
    updatedAt: u.now,
    version: ddb.operations.increment(1),
  });
  (u.remove ?? []).forEach((f) => {
    update[f] = ddb.operations.remove();
  });
  return update;
}

export function versionedUpdate(u: VersionedUpdate) {
  return {
    updateItem: {
      table: u.table,
      key: u.key,
      update: updateObject(u),
      condition: { version: { eq: u.expectedVersion } },
    },
  };
}

export function versionedUpdateRequest(u: Omit<VersionedUpdate, 'table'>) {
  return ddb.update({
    key: u.key,
    update: updateObject({ ...u, table: '' }),
    condition: { version: { eq: u.expectedVersion } },
  });
}

export function bumped<T extends { version: number }>(
  item: T,
  fields: Record<string, unknown>,
  now: string,
  remove?: string[],
): T {
  const next = Object.assign({}, item, fields, { version: item.version + 1, updatedAt: now }) as Record<string, unknown>;
  (remove ?? []).forEach((f) => {
    next[f] = null;
  });
  return next as T;
}
