/**
 * Batch and transaction helpers of `@aws-appsync/utils/dynamodb` (developer guide pages
 * js-aws-appsync-resolver-reference-dynamodb-batch-*, -transact-*; shapes from
 * lib/resolver-return-types.d.ts). Each transact item carries its `table` and `operation`.
 */
import { toProjection } from './projection.ts';
import { conditionOf, HELPER_MARSHAL, itemOf, keyOf } from './request-parts.ts';
import { renderUpdate } from './update-expression.ts';
import { describe, fail, isPlainObject, pickOptions, requireObject, setOwn, type PlainObject } from './values.ts';

/** `tables: { T: … }` with at least one table, each entry converted by `convert`. */
function mapTables(where: string, tables: unknown, convert: (table: string, entry: unknown) => unknown): PlainObject {
  if (!isPlainObject(tables)) fail(where, `tables must be an object keyed by table name, got ${describe(tables)}`);
  const names = Object.keys(tables).filter((t) => tables[t] !== undefined);
  if (names.length === 0) fail(where, 'tables names no table');
  const out: PlainObject = {};
  for (const table of names) setOwn(out, table, convert(table, tables[table]));
  return out;
}

function listOf(where: string, value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) fail(where, `${what} must be a list, got ${describe(value)}`);
  return value;
}

export function batchGet(payload: unknown): PlainObject {
  const where = 'ddb.batchGet';
  const p = requireObject(where, payload, 'the argument');
  const tables = mapTables(where, p.tables, (table, entry) => {
    const at = `${where} (table ${table})`;
    const e = requireObject(at, entry, 'the table entry');
    const out: PlainObject = { keys: listOf(at, e.keys, 'keys').map((k) => keyOf(at, k)) };
    Object.assign(out, pickOptions(at, e, { consistentRead: 'boolean' }));
    const projection = toProjection(at, e.projection);
    if (projection) out.projection = projection;
    return out;
  });
  return { operation: 'BatchGetItem', tables };
}

export function batchPut(payload: unknown): PlainObject {
  const where = 'ddb.batchPut';
  const p = requireObject(where, payload, 'the argument');
  const tables = mapTables(where, p.tables, (table, items) =>
    listOf(`${where} (table ${table})`, items, 'items').map((item) => itemOf(`${where} (table ${table})`, item)),
  );
  return { operation: 'BatchPutItem', tables };
}

export function batchDelete(payload: unknown): PlainObject {
  const where = 'ddb.batchDelete';
  const p = requireObject(where, payload, 'the argument');
  const tables = mapTables(where, p.tables, (table, keys) =>
    listOf(`${where} (table ${table})`, keys, 'keys').map((key) => keyOf(`${where} (table ${table})`, key)),
  );
  return { operation: 'BatchDeleteItem', tables };
}

function tableOf(where: string, table: unknown): string {
  if (typeof table !== 'string' || table === '') fail(where, `table must be a table name, got ${describe(table)}`);
  return table;
}

export function transactGet(payload: unknown): PlainObject {
  const where = 'ddb.transactGet';
  const p = requireObject(where, payload, 'the argument');
  const transactItems = listOf(where, p.items, 'items').map((entry, i) => {
    const at = `${where} (item ${i})`;
    const e = requireObject(at, entry, 'the item');
    const out: PlainObject = { table: tableOf(at, e.table), key: keyOf(at, e.key) };
    const projection = toProjection(at, e.projection);
    if (projection) out.projection = projection;
    return out;
  });
  return { operation: 'TransactGetItems', transactItems };
}

/** transactWrite item kinds → the operation each becomes. */
const WRITE_KINDS = { putItem: 'PutItem', updateItem: 'UpdateItem', deleteItem: 'DeleteItem', conditionCheck: 'ConditionCheck' } as const;
type WriteKind = keyof typeof WRITE_KINDS;

function transactWriteItem(at: string, entry: unknown): PlainObject {
  const e = requireObject(at, entry, 'the item');
  const kinds = (Object.keys(WRITE_KINDS) as WriteKind[]).filter((k) => e[k] !== undefined && e[k] !== null);
  if (kinds.length !== 1) fail(at, `each item needs exactly one of ${Object.keys(WRITE_KINDS).join(', ')}, got ${kinds.length === 0 ? 'none' : kinds.join(' and ')}`);
  const kind = kinds[0];
  const body = requireObject(`${at} ${kind}`, e[kind], kind);
  const out: PlainObject = { table: tableOf(`${at} ${kind}`, body.table), operation: WRITE_KINDS[kind], key: keyOf(`${at} ${kind}`, body.key) };
  if (kind === 'putItem') out.attributeValues = itemOf(`${at} putItem`, body.item);
  if (kind === 'updateItem') out.update = renderUpdate(`${at} updateItem`, body.update, HELPER_MARSHAL);
  const condition = conditionOf(`${at} ${kind}`, body.condition, 'transact');
  if (kind === 'conditionCheck' && !condition) fail(`${at} conditionCheck`, 'a condition check needs a condition');
  if (condition) out.condition = condition;
  return out;
}

export function transactWrite(payload: unknown): PlainObject {
  const where = 'ddb.transactWrite';
  const p = requireObject(where, payload, 'the argument');
  const items = listOf(where, p.items, 'items');
  if (items.length === 0) fail(where, 'items is empty');
  return { operation: 'TransactWriteItems', transactItems: items.map((entry, i) => transactWriteItem(`${where} (item ${i})`, entry)) };
}
