/**
 * Project membership bookkeeping. The project item keeps `adminCount` (how many ADMIN memberships it
 * has) so "never remove or demote the last ADMIN" holds under concurrency: every change of an ADMIN
 * membership adjusts it in the same transaction, and a decrement is conditioned on `adminCount > 1`.
 * `adminCount` is internal bookkeeping (not in the schema): changing it does not bump the project's
 * `version`, so it never makes a concurrent updateProject conflict.
 *   adminCountChange(table, projectId, delta)   transact updateItem (+1, or −1 guarded by > 1)
 *   lastAdmin()                                 the ConflictError (reason LAST_ADMIN)
 */
import * as ddb from '@aws-appsync/utils/dynamodb';
import { projectKey } from '../../model/keys.ts';
import { stateConflict } from './errors.ts';

export function adminCountChange(table: string, projectId: string, delta: 1 | -1) {
  return {
    updateItem: {
      table,
      key: projectKey(projectId),
      update: { adminCount: ddb.operations.increment(delta) },
      condition: delta < 0 ? { adminCount: { gt: 1 } } : { PK: { attributeExists: true } },
    },
  };
}

export function lastAdmin(): never {
  return stateConflict(
    'A project needs at least one ADMIN: make another member ADMIN first',
    'LAST_ADMIN',
  );
}
