/**
 * util.transform.toSubscriptionFilter(obj, ignoredFields?, rules?) (APPSYNC.md §3, §7):
 * a top-level `or` splits into filter groups, keys (and `and` members) inside a group are ANDed,
 * nested objects name nested fields with dots, and `rules` are ANDed into every group.
 * AppSync's limits are enforced here, so a filter it would refuse fails the same way locally.
 */
import type { SubscriptionFilter } from '../../types.ts';
import { AppSyncJsRuntimeError } from '../errors.ts';

type Filter = SubscriptionFilter['filterGroup'][number]['filters'][number];

const OPERATORS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'notContains', 'beginsWith', 'in', 'notIn', 'between', 'containsAny']);
export const FILTER_LIMITS = { fieldsPerFilter: 5, groups: 10, inValues: 5, containsAnyValues: 20, stringLength: 256, depth: 5 };

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const fail = (msg: string): never => { throw new AppSyncJsRuntimeError(`Invalid subscription filter: ${msg}`); };

function checkValue(fieldName: string, operator: string, value: unknown): void {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (typeof v === 'string' && v.length > FILTER_LIMITS.stringLength) fail(`${fieldName}: strings are limited to ${FILTER_LIMITS.stringLength} characters`);
  }
  if ((operator === 'in' || operator === 'notIn') && (!Array.isArray(value) || value.length > FILTER_LIMITS.inValues)) {
    fail(`${fieldName}: ${operator} takes a list of at most ${FILTER_LIMITS.inValues} values`);
  }
  if (operator === 'containsAny' && (!Array.isArray(value) || value.length > FILTER_LIMITS.containsAnyValues)) {
    fail(`${fieldName}: containsAny takes a list of at most ${FILTER_LIMITS.containsAnyValues} values`);
  }
  if (operator === 'between' && (!Array.isArray(value) || value.length !== 2)) fail(`${fieldName}: between takes two values`);
}

function fieldFilters(obj: Record<string, unknown>, ignored: Set<string>, prefix = '', depth = 1): Filter[] {
  if (depth > FILTER_LIMITS.depth) fail(`fields nest at most ${FILTER_LIMITS.depth} levels`);
  const out: Filter[] = [];
  for (const [key, spec] of Object.entries(obj)) {
    if (key === 'and' || key === 'or' || (depth === 1 && ignored.has(key)) || spec === undefined) continue;
    const fieldName = prefix + key;
    if (!isPlainObject(spec)) fail(`${fieldName} must map operators to values`);
    const ops = Object.keys(spec as object);
    if (ops.length && ops.every((op) => !OPERATORS.has(op)) && ops.every((op) => isPlainObject((spec as Record<string, unknown>)[op]))) {
      out.push(...fieldFilters(spec as Record<string, unknown>, ignored, fieldName + '.', depth + 1));
      continue;
    }
    for (const [operator, value] of Object.entries(spec as Record<string, unknown>)) {
      if (!OPERATORS.has(operator)) fail(`unknown operator ${operator} on ${fieldName}`);
      checkValue(fieldName, operator, value);
      out.push({ fieldName, operator, value });
    }
  }
  return out;
}

function groupFilters(obj: Record<string, unknown>, ignored: Set<string>): Filter[] {
  const filters = fieldFilters(obj, ignored);
  const and = obj.and;
  if (and !== undefined) {
    for (const member of Array.isArray(and) ? and : [and]) {
      if (!isPlainObject(member)) fail('and takes objects');
      filters.push(...groupFilters(member as Record<string, unknown>, ignored));
    }
  }
  return filters;
}

export function toSubscriptionFilter(obj: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter {
  if (!isPlainObject(obj)) fail('the filter must be an object');
  const filterObj = obj as Record<string, unknown>;
  const ignored = new Set(Array.isArray(ignoredFields) ? ignoredFields.map(String) : []);
  const ruleFilters = isPlainObject(rules) ? fieldFilters(rules, new Set()) : [];
  const members = filterObj.or === undefined ? [filterObj] : Array.isArray(filterObj.or) ? filterObj.or : [filterObj.or];
  // Keys beside a top-level `or` apply to every group.
  const shared = filterObj.or === undefined ? [] : groupFilters({ ...filterObj, or: undefined }, ignored);
  const filterGroup = members.map((member) => {
    if (!isPlainObject(member)) fail('or takes objects');
    const filters = [...shared, ...(filterObj.or === undefined ? groupFilters(member as Record<string, unknown>, ignored) : groupFilters(member as Record<string, unknown>, ignored)), ...ruleFilters];
    if (filters.length > FILTER_LIMITS.fieldsPerFilter) fail(`a filter group ANDs at most ${FILTER_LIMITS.fieldsPerFilter} conditions (got ${filters.length})`);
    return { filters };
  });
  const orCount = filterGroup.reduce(
    (n, g) => n + g.filters.reduce((m, f) => m * (f.operator === 'in' && Array.isArray(f.value) ? f.value.length : 1), 1),
    0,
  );
  if (filterGroup.length > FILTER_LIMITS.groups || orCount > FILTER_LIMITS.groups) {
    fail(`at most ${FILTER_LIMITS.groups} filters are ORed (each in value counts as one)`);
  }
  return { filterGroup };
}
