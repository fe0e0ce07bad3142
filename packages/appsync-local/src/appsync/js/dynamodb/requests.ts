/**
 * Single-item, Query, Scan and Sync helpers of `@aws-appsync/utils/dynamodb` (developer guide:
 * built-in-modules-js; request shapes: js-resolver-reference-dynamodb and lib/resolver-return-types.d.ts).
 * Optional request fields appear only when the caller gave them, as in AppSync's
 * `get({ key: { id } })` → `{ operation: 'GetItem', key: { id: { S } } }`.
 */
import { renderKeyCondition } from './filter.ts';
import { toProjection } from './projection.ts';
import { conditionOf, filterOf, HELPER_MARSHAL, itemOf, keyOf, versioningOf } from './request-parts.ts';
import { renderUpdate } from './update-expression.ts';
import { describe, fail, pickOptions, requireObject, setOwn, type PlainObject } from './values.ts';

/** Adds the entries whose value is not undefined, in order (keeps requests free of empty fields). */
function withDefined(base: PlainObject, extra: Record<string, unknown>): PlainObject {
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) setOwn(base, key, value);
  return base;
}

const SELECT_VALUES = ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES'];

function selectOf(where: string, select: unknown): string | undefined {
  if (select === undefined || select === null) return undefined;
  if (typeof select !== 'string' || !SELECT_VALUES.includes(select)) fail(where, `select must be one of ${SELECT_VALUES.join(', ')}, got ${describe(select)}`);
  return select;
}

export function get(payload: unknown): PlainObject {
  const where = 'ddb.get';
  const p = requireObject(where, payload, 'the argument');
  return withDefined({ operation: 'GetItem', key: keyOf(where, p.key) }, {
    ...pickOptions(where, p, { consistentRead: 'boolean' }),
    projection: toProjection(where, p.projection),
  });
}

/**
 * `attributeValues` is `item` converted as given: key attributes appear there only when `item` holds
 * them, and are never copied over from `key`. choice: no recorded AWS output for ddb.put (the guide's
 * example `ddb.put({ key: { id: util.autoId() }, item: ctx.args })` prints no result); DynamoDB
 * receives key and attributeValues merged either way (datasources/dynamodb/items.ts).
 */
export function put(payload: unknown): PlainObject {
  const where = 'ddb.put';
  const p = requireObject(where, payload, 'the argument');
  return withDefined({ operation: 'PutItem', key: keyOf(where, p.key), attributeValues: itemOf(where, p.item) }, {
    condition: conditionOf(where, p.condition, 'single'),
    ...versioningOf(where, p),
  });
}

export function remove(payload: unknown): PlainObject {
  const where = 'ddb.remove';
  const p = requireObject(where, payload, 'the argument');
  return withDefined({ operation: 'DeleteItem', key: keyOf(where, p.key) }, {
    condition: conditionOf(where, p.condition, 'single'),
    ...versioningOf(where, p),
  });
}

export function update(payload: unknown): PlainObject {
  const where = 'ddb.update';
  const p = requireObject(where, payload, 'the argument');
  return withDefined({ operation: 'UpdateItem', key: keyOf(where, p.key), update: renderUpdate(where, p.update, HELPER_MARSHAL) }, {
    condition: conditionOf(where, p.condition, 'single'),
    ...versioningOf(where, p),
  });
}

/** Options Query and Scan share (ScanInput in the typings). */
function readOptions(where: string, p: PlainObject): PlainObject {
  return {
    ...pickOptions(where, p, { index: 'string', nextToken: 'string', limit: 'integer', consistentRead: 'boolean' }),
    select: selectOf(where, p.select),
    filter: filterOf(where, p.filter),
    projection: toProjection(where, p.projection),
  };
}

export function query(payload: unknown): PlainObject {
  const where = 'ddb.query';
  const p = requireObject(where, payload, 'the argument');
  if (p.query === undefined || p.query === null) fail(where, 'query (the key condition) is required');
  return withDefined({ operation: 'Query', query: renderKeyCondition(`${where} query`, p.query, HELPER_MARSHAL) }, {
    ...readOptions(where, p),
    ...pickOptions(where, p, { scanIndexForward: 'boolean' }),
  });
}

export function scan(payload: unknown): PlainObject {
  const where = 'ddb.scan';
  const p = requireObject(where, payload, 'the argument');
  return withDefined({ operation: 'Scan' }, {
    ...readOptions(where, p),
    ...pickOptions(where, p, { totalSegments: 'integer', segment: 'integer' }),
  });
}

export function sync(payload: unknown): PlainObject {
  const where = 'ddb.sync';
  const p = requireObject(where, payload, 'the argument');
  return withDefined({ operation: 'Sync' }, {
    ...pickOptions(where, p, { basePartitionKey: 'string', deltaIndexName: 'string', limit: 'integer', nextToken: 'string', lastSync: 'number' }),
    filter: filterOf(where, p.filter),
  });
}
