/**
 * Which publications reach which subscriptions (docs/local-runtime.md, "Subscriptions"):
 * - argument filtering: every argument the subscriber supplied must equal the same-named field of the
 *   mutation's result; when the mutation did not select that field the comparison fails silently
 *   (aws-appsync-community#109); an explicit `null` argument means "that field is null";
 * - enhanced filters (`extensions.setSubscriptionFilter`) replace argument filtering: `filterGroup`
 *   entries are ORed, the `filters` inside one entry are ANDed, `fieldName` may be dotted.
 * Invalidation filters use the same syntax and logic, evaluated against the invalidation payload.
 */
import type { SubscriptionFilter } from '../types.ts';

export const OPERATORS = [
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'contains',
  'notContains',
  'beginsWith',
  'in',
  'notIn',
  'between',
  'containsAny',
] as const;
export type FilterOperator = (typeof OPERATORS)[number];

/** AppSync's documented filter limits (docs/local-runtime.md, "Subscriptions"). */
export const FILTER_LIMITS = {
  /** Conditions ANDed in one filter. */
  fieldsPerFilter: 5,
  /** Filters ORed in one group; every value of an `in` counts as one filter. */
  filtersPerGroup: 10,
  inValues: 5,
  containsAnyValues: 20,
  stringLength: 256,
  nestingDepth: 5,
} as const;

/** A value at a dotted path of the payload; `undefined` when the path is absent (not selected). */
export function valueAt(payload: unknown, dotted: string): unknown {
  let current: unknown = payload;
  for (const part of dotted.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Deep equality for JSON values (scalars compare strictly: `"1"` is not `1`). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** A stable key for an index bucket (distinguishes types, so `"1"` and `1` differ). */
export function indexKey(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

/** Scalars only make index keys (objects could differ in key order yet be equal). */
function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Argument filtering: every supplied argument equals the same-named field of the result. */
export function argumentsMatch(args: Record<string, unknown>, result: unknown): boolean {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return Object.keys(args).length === 0;
  for (const [name, expected] of Object.entries(args)) {
    if (expected === undefined) continue;
    // Not selected by the mutation: the comparison fails (silently: the subscriber gets nothing).
    if (!Object.hasOwn(result, name)) return false;
    if (!jsonEqual((result as Record<string, unknown>)[name], expected)) return false;
  }
  return true;
}

function compare(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function contains(field: unknown, value: unknown): boolean {
  if (typeof field === 'string' && typeof value === 'string') return field.includes(value);
  if (Array.isArray(field)) return field.some((v) => jsonEqual(v, value));
  return false;
}

/** One condition. A field absent from the payload only satisfies the negative operators. */
export function conditionMatches(operator: string, field: unknown, value: unknown): boolean {
  switch (operator) {
    case 'eq':
      return field !== undefined && jsonEqual(field, value);
    case 'ne':
      return !jsonEqual(field === undefined ? null : field, value);
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      const c = compare(field, value);
      if (c === null) return false;
      return operator === 'lt' ? c < 0 : operator === 'le' ? c <= 0 : operator === 'gt' ? c > 0 : c >= 0;
    }
    case 'contains':
      return contains(field, value);
    case 'notContains':
      return !contains(field, value);
    case 'beginsWith':
      return typeof field === 'string' && typeof value === 'string' && field.startsWith(value);
    case 'in':
      return Array.isArray(value) && field !== undefined && value.some((v) => jsonEqual(field, v));
    case 'notIn':
      return Array.isArray(value) && !value.some((v) => jsonEqual(field === undefined ? null : field, v));
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) return false;
      const lo = compare(field, value[0]);
      const hi = compare(field, value[1]);
      return lo !== null && hi !== null && lo >= 0 && hi <= 0;
    }
    case 'containsAny':
      return Array.isArray(value) && value.some((v) => contains(field, v));
    default:
      return false;
  }
}

/** Evaluates an enhanced (or invalidation) filter against a payload. A top-level list matches nothing. */
export function filterMatches(filter: SubscriptionFilter, payload: unknown): boolean {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return false;
  return filter.filterGroup.some((group) =>
    group.filters.every((c) => conditionMatches(c.operator, valueAt(payload, c.fieldName), c.value)),
  );
}

/**
 * Checks a filter against AppSync's limits and operator list. Returns the problem, or null when the
 * filter is acceptable. AppSync refuses the `start` of a subscription whose resolver set an invalid
 * filter; AWS documents the limits but not the wording of that error, so the message names the limit.
 */
export function validateFilter(filter: unknown): string | null {
  if (filter === null || typeof filter !== 'object' || !Array.isArray((filter as SubscriptionFilter).filterGroup)) {
    return 'The subscription filter must be an object with a filterGroup array.';
  }
  const groups = (filter as SubscriptionFilter).filterGroup;
  let ored = 0;
  for (const group of groups) {
    if (group === null || typeof group !== 'object' || !Array.isArray(group.filters) || group.filters.length === 0) {
      return 'Each filterGroup entry must have a non-empty filters array.';
    }
    if (group.filters.length > FILTER_LIMITS.fieldsPerFilter) {
      return `A filter may AND at most ${FILTER_LIMITS.fieldsPerFilter} fields.`;
    }
    let weight = 1;
    for (const c of group.filters) {
      if (c === null || typeof c !== 'object' || typeof c.fieldName !== 'string' || c.fieldName.length === 0) {
        return 'Each filter condition needs a fieldName.';
      }
      if (!(OPERATORS as readonly string[]).includes(c.operator)) return `Unsupported filter operator: ${String(c.operator)}.`;
      if (c.fieldName.length > FILTER_LIMITS.stringLength) {
        return `A filter fieldName may have at most ${FILTER_LIMITS.stringLength} characters.`;
      }
      if (c.fieldName.split('.').length > FILTER_LIMITS.nestingDepth) {
        return `A filter fieldName may nest at most ${FILTER_LIMITS.nestingDepth} levels.`;
      }
      const values = Array.isArray(c.value) ? c.value : [c.value];
      if (values.some((v) => typeof v === 'string' && v.length > FILTER_LIMITS.stringLength)) {
        return `A filter string value may have at most ${FILTER_LIMITS.stringLength} characters.`;
      }
      if (c.operator === 'in' || c.operator === 'notIn') {
        if (!Array.isArray(c.value)) return `The ${c.operator} operator needs a list value.`;
        if (c.value.length > FILTER_LIMITS.inValues) {
          return `The ${c.operator} operator accepts at most ${FILTER_LIMITS.inValues} values.`;
        }
        if (c.operator === 'in') weight *= Math.max(1, c.value.length);
      }
      if (c.operator === 'containsAny') {
        if (!Array.isArray(c.value)) return 'The containsAny operator needs a list value.';
        if (c.value.length > FILTER_LIMITS.containsAnyValues) {
          return `The containsAny operator accepts at most ${FILTER_LIMITS.containsAnyValues} values.`;
        }
      }
      if (c.operator === 'between' && (!Array.isArray(c.value) || c.value.length !== 2)) {
        return 'The between operator needs a list of two values.';
      }
    }
    ored += weight;
  }
  if (ored > FILTER_LIMITS.filtersPerGroup) {
    return `A filter group may OR at most ${FILTER_LIMITS.filtersPerGroup} filters (each value of an in counts).`;
  }
  return null;
}

/**
 * A condition every matching payload must satisfy as `fieldName == value`, usable as an index key:
 * from an enhanced filter with one group holding an `eq`, or from the first supplied argument.
 */
export function equalityKey(
  filter: SubscriptionFilter | null,
  args: Record<string, unknown>,
): { fieldName: string; value: unknown } | null {
  if (filter) {
    if (filter.filterGroup.length !== 1) return null;
    const eq = filter.filterGroup[0]!.filters.find((c) => c.operator === 'eq' && isScalar(c.value));
    return eq ? { fieldName: eq.fieldName, value: eq.value } : null;
  }
  for (const [name, value] of Object.entries(args)) {
    if (isScalar(value)) return { fieldName: name, value };
  }
  return null;
}
