/**
 * `operations` of `@aws-appsync/utils/dynamodb`: markers placed in an `update` object. They are plain
 * data (`{ _type, … }`, the `_type` the typings declare) so they survive JSON round trips through
 * `ctx.stash` and cross the sandbox boundary unchanged.
 * choice: the marker's own shape (`{ _type: 'increment', by }`), no recorded AWS output: no public
 * EvaluateCode result prints an operation object by itself; the `_type` names are the ones the
 * @aws-appsync/utils typings declare (lib/dynamodb-helpers.d.ts, DynamoDBOperation*). What AWS does
 * record is the expression an update renders from them (update-expression.ts).
 */
import { describe, fail, isPlainObject } from './values.ts';

export type UpdateOperation =
  | { _type: 'add'; value: unknown }
  | { _type: 'remove' }
  | { _type: 'replace'; value: unknown }
  | { _type: 'increment'; by: number }
  | { _type: 'decrement'; by: number }
  | { _type: 'append'; items: unknown[] }
  | { _type: 'prepend'; items: unknown[] }
  | { _type: 'updateListItem'; value: unknown; index: number };

const TYPES = new Set(['add', 'remove', 'replace', 'increment', 'decrement', 'append', 'prepend', 'updateListItem']);

export function isUpdateOperation(value: unknown): value is UpdateOperation {
  return isPlainObject(value) && typeof value._type === 'string' && TYPES.has(value._type);
}

function amount(where: string, by: unknown): number {
  if (by === undefined) return 1;
  if (typeof by !== 'number' || !Number.isFinite(by)) fail(where, `expects a finite number, got ${describe(by)}`);
  return by;
}

function list(where: string, items: unknown): unknown[] {
  if (!Array.isArray(items)) fail(where, `expects a list of items, got ${describe(items)}`);
  return items;
}

export interface DynamoDbOperations {
  add(value: unknown): UpdateOperation;
  remove(): UpdateOperation;
  replace(value: unknown): UpdateOperation;
  increment(by?: number): UpdateOperation;
  decrement(by?: number): UpdateOperation;
  append(items: unknown[]): UpdateOperation;
  prepend(items: unknown[]): UpdateOperation;
  updateListItem(value: unknown, index: number): UpdateOperation;
}

export function createOperations(): DynamoDbOperations {
  return {
    add: (value) => ({ _type: 'add', value }),
    remove: () => ({ _type: 'remove' }),
    replace: (value) => ({ _type: 'replace', value }),
    increment: (by) => ({ _type: 'increment', by: amount('operations.increment', by) }),
    decrement: (by) => ({ _type: 'decrement', by: amount('operations.decrement', by) }),
    append: (items) => ({ _type: 'append', items: list('operations.append', items) }),
    prepend: (items) => ({ _type: 'prepend', items: list('operations.prepend', items) }),
    updateListItem(value, index) {
      if (!Number.isInteger(index) || index < 0) fail('operations.updateListItem', `index must be a non-negative integer, got ${describe(index)}`);
      return { _type: 'updateListItem', value, index };
    },
  };
}
