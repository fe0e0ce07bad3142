// util.transform.toSubscriptionFilter: alternatives (operators of a field, or members, rules) multiply
// the groups out; nothing is validated at this point.
import { expressionCode, type ConformanceCase } from '../case.ts';

// Recorded with EvaluateCodeCommand against AWS (helpers.js runOnAWS, TEST_TARGET=AWS_CLOUD) and kept
// as jest snapshots; the inputs are in __tests__/transform-subscription.test.js at the same commit.
const SOURCE = 'localstack/appsync-utils@8c7c2c9961986fa6cafe6d9cbf9d6ee545642480 __tests__/__snapshots__/transform-subscription.test.js.snap';

type F = [fieldName: string, operator: string, value: unknown];
const groups = (...gs: F[][]) => ({ filterGroup: gs.map((g) => ({ filters: g.map(([fieldName, operator, value]) => ({ fieldName, operator, value })) })) });

const recorded = (name: string, args: string, result: unknown): ConformanceCase => ({
  name,
  source: `${SOURCE} (subscription filters ${name})`,
  code: expressionCode(`util.transform.toSubscriptionFilter(${args})`),
  expected: { result },
});

export const cases: ConformanceCase[] = [
  recorded('a single group one operator on one field', '{ a: { eq: 1 } }', groups([['a', 'eq', 1]])),
  recorded('a single group two fields are combined', '{ a: { eq: 1 }, b: { eq: 2 } }', groups([['a', 'eq', 1], ['b', 'eq', 2]])),
  recorded('a single group an and combines its members', '{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }', groups([['a', 'eq', 1], ['b', 'eq', 2]])),
  recorded('a single group a field beside an and', '{ z: { eq: 0 }, and: [{ a: { eq: 1 } }] }', groups([['z', 'eq', 0], ['a', 'eq', 1]])),
  recorded('a single group a field path is kept as written', '{ "loc.addr.country": { eq: "USA" } }', groups([['loc.addr.country', 'eq', 'USA']])),
  recorded('alternatives multiply the groups out two operators on one field', '{ a: { eq: 1, ne: 2 } }', groups([['a', 'eq', 1]], [['a', 'ne', 2]])),
  recorded('alternatives multiply the groups out an or splits into a group per member', '{ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }', groups([['a', 'eq', 1]], [['b', 'eq', 2]])),
  recorded(
    'alternatives multiply the groups out an or nested in an and',
    '{ and: [{ a: { eq: 1 } }, { or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] }] }',
    groups([['a', 'eq', 1], ['b', 'eq', 2]], [['a', 'eq', 1], ['c', 'eq', 3]]),
  ),
  recorded(
    'alternatives multiply the groups out operators and groups together',
    '{ percentageUp: { lte: 50, gte: 20 }, and: [{ title: { ne: "Book1" } }, { downvotes: { gt: 2000 } }], or: [{ author: { eq: "Admin" } }, { isPublished: { eq: false } }] }',
    groups(
      [['percentageUp', 'lte', 50], ['title', 'ne', 'Book1'], ['downvotes', 'gt', 2000], ['author', 'eq', 'Admin']],
      [['percentageUp', 'lte', 50], ['title', 'ne', 'Book1'], ['downvotes', 'gt', 2000], ['isPublished', 'eq', false]],
      [['percentageUp', 'gte', 20], ['title', 'ne', 'Book1'], ['downvotes', 'gt', 2000], ['author', 'eq', 'Admin']],
      [['percentageUp', 'gte', 20], ['title', 'ne', 'Book1'], ['downvotes', 'gt', 2000], ['isPublished', 'eq', false]],
    ),
  ),
  recorded('operators are carried through as written the comparisons', '{ a: { le: 1 }, b: { lt: 2 }, c: { ge: 3 }, d: { gt: 4 } }', groups([['a', 'le', 1], ['b', 'lt', 2], ['c', 'ge', 3], ['d', 'gt', 4]])),
  recorded('operators are carried through as written membership', '{ a: { in: [1, 2] }, b: { notIn: ["x"] } }', groups([['a', 'in', [1, 2]], ['b', 'notIn', ['x']]])),
  recorded('operators are carried through as written between', '{ a: { between: [1, 9] } }', groups([['a', 'between', [1, 9]]])),
  recorded(
    'operators are carried through as written the string operators',
    '{ a: { contains: "x" }, b: { notContains: "y" }, c: { beginsWith: "z" } }',
    groups([['a', 'contains', 'x'], ['b', 'notContains', 'y'], ['c', 'beginsWith', 'z']]),
  ),
  recorded('operators are carried through as written containsAny', '{ a: { containsAny: ["x", "y"] } }', groups([['a', 'containsAny', ['x', 'y']]])),
  recorded('operators are carried through as written a boolean value', '{ a: { eq: false } }', groups([['a', 'eq', false]])),
  recorded('operators are carried through as written an unknown operator', '{ a: { bogus: 1 } }', groups([['a', 'bogus', 1]])),
  recorded('operators are carried through as written not is treated as a field', '{ not: { a: { eq: 1 } } }', groups([['not', 'a', { eq: 1 }]])),
  recorded('ignored fields drop a field', '{ a: { eq: 1 }, b: { eq: 2 } }, ["a"]', groups([['b', 'eq', 2]])),
  recorded('ignored fields drop a field nested in an and', '{ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }, ["b"]', groups([['a', 'eq', 1]])),
  recorded('rules are added as alternatives', '{ a: { eq: 1 } }, [], { r1: { gte: 250 }, r2: { eq: "p" } }', groups([['a', 'eq', 1], ['r1', 'gte', 250]], [['a', 'eq', 1], ['r2', 'eq', 'p']])),
  recorded('rules on their own', '{}, [], { r1: { eq: 1 } }', groups([['r1', 'eq', 1]])),
  recorded('filters that produce no group an empty filter', '{}', { filterGroup: [] }),
  recorded('filters that produce no group a field with no operator', '{ a: {} }', { filterGroup: [] }),
  recorded('filters that produce no group an empty and', '{ and: [] }', { filterGroup: [] }),
  recorded('filters that cannot be read null', 'null', null),
  recorded('filters that cannot be read no filter at all', '', null),
  recorded('filters that cannot be read an array', '[]', null),
  recorded('filters that cannot be read a JSON string', `'{"a":{"eq":1}}'`, null),
];
