/**
 * Pieces every `@aws-appsync/utils/dynamodb` helper builds the same way: keys and items (marshalled
 * as util.dynamodb.toMapValues, plus the module's sets), conditions with their AppSync-only extras,
 * filters, and the conflict-detection options.
 */
import { renderFilter, type ExpressionObject } from './filter.ts';
import { toAttributeMap, type AttributeMap, type MarshalOptions } from './marshal.ts';
import { describe, fail, isPlainObject, pickOptions, setOwn, type PlainObject } from './values.ts';

/** Helpers accept the module's own set values ({SS|NS|BS: [...]}) inside keys, items and values. */
export const HELPER_MARSHAL: MarshalOptions = { sets: true };

export function keyOf(where: string, key: unknown): AttributeMap {
  if (!isPlainObject(key)) fail(where, `key must be an object of key attributes, got ${describe(key)}`);
  const converted = toAttributeMap(`${where} key`, key, HELPER_MARSHAL);
  if (Object.keys(converted).length === 0) fail(where, 'key names no key attribute');
  return converted;
}

export function itemOf(where: string, item: unknown): AttributeMap {
  if (!isPlainObject(item)) fail(where, `item must be an object, got ${describe(item)}`);
  return toAttributeMap(`${where} item`, item, HELPER_MARSHAL);
}

/** A filter for Query/Scan/Sync; absent or empty (renders to nothing) means no filter. */
export function filterOf(where: string, filter: unknown): ExpressionObject | undefined {
  if (filter === undefined || filter === null) return undefined;
  const rendered = renderFilter(`${where} filter`, filter, { marshal: HELPER_MARSHAL });
  return rendered.expression === '' ? undefined : rendered;
}

/** AppSync-only keys of a `condition` that pass through beside the expression (ConditionCheckExpression). */
const CONDITION_EXTRAS = ['equalsIgnore', 'consistentRead', 'conditionalCheckFailedHandler'] as const;
/** In TransactWriteItems only (TransactConditionCheckExpression). */
const TRANSACT_CONDITION_EXTRAS = ['returnValuesOnConditionCheckFailure'] as const;

export type ConditionKind = 'single' | 'transact';

export type ConditionExpression = ExpressionObject & PlainObject;

/**
 * A write's condition: its field conditions rendered like a filter, the extras copied as they are
 * (after a type check). Absent or `{}` means no condition; extras without any check are an error.
 */
export function conditionOf(where: string, condition: unknown, kind: ConditionKind): ConditionExpression | undefined {
  if (condition === undefined || condition === null) return undefined;
  if (!isPlainObject(condition)) fail(where, `condition must be a filter object, got ${describe(condition)}`);
  const extraKeys: readonly string[] = kind === 'single' ? CONDITION_EXTRAS : TRANSACT_CONDITION_EXTRAS;
  const checks: PlainObject = {};
  for (const key of Object.keys(condition)) if (!extraKeys.includes(key)) setOwn(checks, key, condition[key]);
  const rendered = renderFilter(`${where} condition`, checks, { marshal: HELPER_MARSHAL });
  const extras = conditionExtras(where, condition, kind);
  if (rendered.expression === '') {
    if (Object.keys(extras).length > 0) fail(where, 'condition has options but no attribute to check');
    return undefined;
  }
  return { ...rendered, ...extras };
}

function conditionExtras(where: string, condition: PlainObject, kind: ConditionKind): PlainObject {
  if (kind === 'transact') return pickOptions(`${where} condition`, condition, { returnValuesOnConditionCheckFailure: 'boolean' });
  const extras = pickOptions(`${where} condition`, condition, { consistentRead: 'boolean' });
  const { equalsIgnore, conditionalCheckFailedHandler: handler } = condition;
  if (equalsIgnore !== undefined && equalsIgnore !== null) {
    if (!Array.isArray(equalsIgnore) || !equalsIgnore.every((a) => typeof a === 'string')) {
      fail(where, `condition.equalsIgnore must be a list of attribute names, got ${describe(equalsIgnore)}`);
    }
    extras.equalsIgnore = [...equalsIgnore];
  }
  if (handler !== undefined && handler !== null) {
    if (!isPlainObject(handler) || (handler.strategy !== 'Reject' && handler.strategy !== 'Custom')) {
      fail(where, 'condition.conditionalCheckFailedHandler must be { strategy: "Reject" } or { strategy: "Custom", lambdaArn }');
    }
    if (handler.strategy === 'Custom' && typeof handler.lambdaArn !== 'string') {
      fail(where, 'condition.conditionalCheckFailedHandler with strategy "Custom" needs a lambdaArn string');
    }
    extras.conditionalCheckFailedHandler = handler.strategy === 'Custom' ? { strategy: 'Custom', lambdaArn: handler.lambdaArn } : { strategy: 'Reject' };
  }
  return extras;
}

/** Conflict detection and sync options (conflict-detection-and-sync), accepted on writes as documented. */
export function versioningOf(where: string, payload: PlainObject): PlainObject {
  return pickOptions(where, payload, { customPartitionKey: 'string', populateIndexFields: 'boolean', _version: 'integer' });
}
