/**
 * util.transform.toSubscriptionFilter(obj, ignoredFields?, rules?), as AppSync's EvaluateCode answers
 * it (recorded outputs: docs/conformance.md, test/appsync/js/conformance/cases/subscription-filter.ts).
 *
 * The result is a list of groups, each an AND of `{ fieldName, operator, value }`, the groups ORed.
 * Every alternative multiplies the groups out:
 *  - the keys of an object are ANDed, in key order;
 *  - each operator of one field is an alternative (`{ a: { eq: 1, ne: 2 } }` → two groups);
 *  - each member of an `or` is an alternative; the members of an `and` are ANDed; both nest;
 *  - each operator of each `rules` field is an alternative added to every group ("at least one rule");
 *  - a key is a field name as written (`"loc.addr.country"`); its value maps operators to values,
 *    carried through unchecked (an unknown operator or a nested object passes as it is, `not` is a
 *    field name like any other);
 *  - `ignoredFields` drops those field names wherever they appear;
 *  - groups left without a filter disappear (`{}` → `{ filterGroup: [] }`);
 *  - anything but an object (null, an array, a JSON string) gives null.
 * AppSync's limits (fields per group, groups, `in` values…) are checked where the filter is used
 * (realtime/filter.ts validateFilter), not here: the recorded outputs show no check at this point.
 */
import type { SubscriptionFilter } from '../../types.ts';
import { AppSyncJsRuntimeError } from '../errors.ts';

type Filter = SubscriptionFilter['filterGroup'][number]['filters'][number];
/** Alternatives: each an AND of filters. `[[]]` is "no condition", `[]` is "no alternative". */
type Alternatives = Filter[][];

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
function fail(msg: string): never {
  throw new AppSyncJsRuntimeError(`Invalid subscription filter: ${msg}`);
}

/** Every combination of one alternative from `a` with one from `b`, `a` outermost. */
function product(a: Alternatives, b: Alternatives): Alternatives {
  const out: Alternatives = [];
  for (const x of a) for (const y of b) out.push([...x, ...y]);
  return out;
}

function fieldAlternatives(fieldName: string, spec: unknown): Alternatives {
  // choice: a field mapped to something other than an operator object is refused, no recorded AWS output.
  if (!isPlainObject(spec)) fail(`${fieldName} must map operators to values, such as { eq: 1 }`);
  const operators = Object.keys(spec).filter((op) => spec[op] !== undefined);
  // choice: a field with no operator adds no condition (rather than removing every group), no recorded
  // AWS output that tells the two apart (`{ a: {} }` alone gives no group either way).
  if (operators.length === 0) return [[]];
  return operators.map((operator) => [{ fieldName, operator, value: spec[operator] }]);
}

function listOf(key: string, value: unknown): unknown[] {
  // choice: a single object where a list belongs is read as a list of one, no recorded AWS output.
  const list = Array.isArray(value) ? value : [value];
  for (const member of list) if (!isPlainObject(member)) fail(`${key} takes a list of filter objects`);
  return list;
}

function objectAlternatives(obj: Record<string, unknown>, ignored: Set<string>): Alternatives {
  let groups: Alternatives = [[]];
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    if (key === 'and') {
      for (const member of listOf(key, value)) groups = product(groups, objectAlternatives(member as Record<string, unknown>, ignored));
    } else if (key === 'or') {
      const members = listOf(key, value);
      // An empty `or` offers no alternative to choose; it must not remove the conditions beside it.
      // choice: `or: []` adds no condition, no recorded AWS output (issue 9).
      if (members.length === 0) continue;
      groups = product(groups, members.flatMap((member) => objectAlternatives(member as Record<string, unknown>, ignored)));
    } else if (!ignored.has(key)) {
      groups = product(groups, fieldAlternatives(key, value));
    }
  }
  return groups;
}

export function toSubscriptionFilter(obj: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter | null {
  if (!isPlainObject(obj)) return null;
  const ignored = new Set(Array.isArray(ignoredFields) ? ignoredFields.map(String) : []);
  let groups = objectAlternatives(obj, ignored);
  if (isPlainObject(rules)) {
    const ruleAlternatives = Object.entries(rules)
      .filter(([, spec]) => spec !== undefined)
      .flatMap(([fieldName, spec]) => fieldAlternatives(fieldName, spec))
      .filter((alternative) => alternative.length > 0);
    if (ruleAlternatives.length > 0) groups = product(groups, ruleAlternatives);
  }
  return { filterGroup: groups.filter((filters) => filters.length > 0).map((filters) => ({ filters })) };
}
