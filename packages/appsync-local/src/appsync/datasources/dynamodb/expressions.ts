/**
 * Expressions of a request object (`{expression, expressionNames, expressionValues}`) and the SDK
 * parameters they become. Names and values of every expression of one request share one map, as in
 * AppSync (a condition's and an update's placeholders are merged).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { invalidRequest, isRecord, missingField } from '../errors.ts';
import { toAttributeMap, type AttributeMap } from './values.ts';

export interface Expression {
  expression: string;
  names: Record<string, string>;
  values: AttributeMap;
}

/** Reads `request[field]` as an expression; `undefined` when absent and optional. */
export function readExpression(
  holder: Record<string, unknown>,
  field: string,
  opts: { required?: boolean; path?: string } = {},
): Expression | undefined {
  const path = opts.path ?? field;
  const raw = holder[field];
  if (raw === undefined || raw === null) {
    if (opts.required) throw missingField(path);
    return undefined;
  }
  if (!isRecord(raw)) throw invalidRequest(`'${path}' must be an object with an 'expression'`);
  if (typeof raw.expression !== 'string') throw missingField(`${path}.expression`);
  const names: Record<string, string> = {};
  if (raw.expressionNames !== undefined && raw.expressionNames !== null) {
    if (!isRecord(raw.expressionNames)) throw invalidRequest(`'${path}.expressionNames' must be a map`);
    for (const [k, v] of Object.entries(raw.expressionNames)) {
      if (typeof v !== 'string') throw invalidRequest(`'${path}.expressionNames.${k}' must be a string`);
      names[k] = v;
    }
  }
  const values =
    raw.expressionValues === undefined || raw.expressionValues === null
      ? {}
      : toAttributeMap(raw.expressionValues, `${path}.expressionValues`);
  return { expression: raw.expression, names, values };
}

/** `ExpressionAttributeNames`/`Values` for several expressions, omitted when empty (DynamoDB rejects {}). */
export function attributeParams(...expressions: (Expression | undefined)[]): {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
} {
  const names: Record<string, string> = {};
  const values: AttributeMap = {};
  for (const e of expressions) {
    if (!e) continue;
    Object.assign(names, e.names);
    Object.assign(values, e.values);
  }
  return {
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}

/** A projection (`{expression, expressionNames}`) has no values. */
export function readProjection(holder: Record<string, unknown>, path = 'projection'): Expression | undefined {
  const projection = readExpression(holder, 'projection', { path });
  if (projection && Object.keys(projection.values).length) {
    throw invalidRequest(`'${path}' cannot have expressionValues`);
  }
  return projection;
}
