// util.transform.toDynamoDBFilterExpression / toDynamoDBConditionExpression.
//
// The developer guide's only worked example (transformation-helpers-in-utils-transform, repeated in
// @aws-appsync/utils lib/transform-utils.d.ts) is { title: { contains: 'Hello World' } } →
// expression "contains(#title, :title_contains)", names { '#title': 'title' }, values
// { ':title_contains': { S: 'Hello World' } }. The APPSYNC_JS runtime renders the same condition as
// "(contains(#title,:title_contains))": every condition parenthesised, no space after a function's
// comma (outputs recorded against AppSync in localstack/appsync-utils __tests__/transform.test.js).
// The cases below follow those recorded outputs; numbers stay JSON numbers ({"N": 1}) as AppSync prints them.
import { describe, expect, it } from 'vitest';
import { createTransformUtils } from '../../../../src/appsync/js/dynamodb/index.ts';

const transform = createTransformUtils();
const filter = (input: unknown) => JSON.parse(transform.toDynamoDBFilterExpression(input) ?? 'null') as unknown;
const condition = (input: unknown) => JSON.parse(transform.toDynamoDBConditionExpression(input) ?? 'null') as unknown;
const n = (v: number) => ({ N: v });

describe('the developer guide example', () => {
  const documented = {
    expression: 'contains(#title, :title_contains)',
    expressionNames: { '#title': 'title' },
    expressionValues: { ':title_contains': { S: 'Hello World' } },
  };

  it('returns a JSON string with the documented names and values', () => {
    const raw = transform.toDynamoDBFilterExpression({ title: { contains: 'Hello World' } });
    expect(typeof raw).toBe('string');
    const out = JSON.parse(raw as string) as typeof documented;
    expect(out.expressionNames).toEqual(documented.expressionNames);
    expect(out.expressionValues).toEqual(documented.expressionValues);
    expect(out.expression).toBe('(contains(#title,:title_contains))');
  });

  it('differs from the documented expression only in parentheses and spacing', () => {
    const out = filter({ title: { contains: 'Hello World' } }) as typeof documented;
    const layoutFree = (s: string) => s.replace(/^\((.*)\)$/, '$1').replace(/,\s*/g, ',');
    expect(layoutFree(out.expression)).toBe(layoutFree(documented.expression));
  });
});

describe('operators', () => {
  it.each([
    ['eq', '='],
    ['ne', '<>'],
    ['lt', '<'],
    ['le', '<='],
    ['gt', '>'],
    ['ge', '>='],
  ])('%s renders %s', (op, symbol) => {
    expect(filter({ v: { [op]: 'x' } })).toEqual({
      expression: `(#v ${symbol} :v_${op})`,
      expressionNames: { '#v': 'v' },
      expressionValues: { [`:v_${op}`]: { S: 'x' } },
    });
  });

  it('functions: beginsWith, contains, notContains', () => {
    expect((filter({ v: { beginsWith: 'x' } }) as { expression: string }).expression).toBe('(begins_with(#v,:v_beginsWith))');
    expect((filter({ v: { notContains: 'x' } }) as { expression: string }).expression).toBe('(NOT contains(#v,:v_notContains))');
  });

  it('between names its bounds _start and _end and ignores extra bounds', () => {
    expect(filter({ v: { between: [1, 9, 3] } })).toEqual({
      expression: '(#v BETWEEN :v_between_start AND :v_between_end)',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_between_start': n(1), ':v_between_end': n(9) },
    });
  });

  it('in lists one placeholder per value', () => {
    expect(filter({ v: { in: ['a', 'b'] } })).toEqual({
      expression: '(#v IN (:v_in_0, :v_in_1))',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_in_0': { S: 'a' }, ':v_in_1': { S: 'b' } },
    });
  });

  it('attributeExists true/false', () => {
    expect(filter({ v: { attributeExists: true } })).toEqual({ expression: '(attribute_exists(#v))', expressionNames: { '#v': 'v' }, expressionValues: {} });
    expect((filter({ v: { attributeExists: false } }) as { expression: string }).expression).toBe('(attribute_not_exists(#v))');
  });

  it('attributeType maps every friendly name to its type code', () => {
    const names = ['_null', 'string', 'stringSet', 'number', 'numberSet', 'binary', 'binarySet', 'boolean', 'list', 'map'];
    const codes = ['NULL', 'S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'L', 'M'];
    names.forEach((name, i) => {
      expect(filter({ v: { attributeType: name } })).toEqual({
        expression: '(attribute_type(#v,:v_attributeType))',
        expressionNames: { '#v': 'v' },
        expressionValues: { ':v_attributeType': { S: codes[i] } },
      });
    });
  });

  it('size applies operators to size(#v) and extends value names with _size', () => {
    expect(filter({ v: { size: { gt: 2, lt: 5 } } })).toEqual({
      expression: '((size(#v) > :v_size_gt) AND (size(#v) < :v_size_lt))',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_size_gt': n(2), ':v_size_lt': n(5) },
    });
    expect((filter({ v: { size: { size: { gt: 1 } } } }) as { expression: string }).expression).toBe('(size(#v) > :v_size_size_gt)');
  });

  it('values are typed: numbers, booleans, null, lists and maps', () => {
    const values = (v: unknown) => (filter({ v: { eq: v } }) as { expressionValues: unknown }).expressionValues;
    expect(values(1.5)).toEqual({ ':v_eq': n(1.5) });
    expect(values(true)).toEqual({ ':v_eq': { BOOL: true } });
    expect(values(null)).toEqual({ ':v_eq': { NULL: null } });
    expect(values([1, 2])).toEqual({ ':v_eq': { L: [n(1), n(2)] } });
    expect(values({ a: 1 })).toEqual({ ':v_eq': { M: { a: n(1) } } });
  });
});

describe('grouping', () => {
  it('fields are ANDed by default, without an outer wrap', () => {
    expect(filter({ a: { eq: 1 }, b: { eq: 2 } })).toEqual({
      expression: '(#a = :a_eq) AND (#b = :b_eq)',
      expressionNames: { '#a': 'a', '#b': 'b' },
      expressionValues: { ':a_eq': n(1), ':b_eq': n(2) },
    });
  });

  it('several operators on one field are ANDed and wrapped', () => {
    expect((filter({ v: { ge: 1, le: 5 } }) as { expression: string }).expression).toBe('((#v >= :v_ge) AND (#v <= :v_le))');
  });

  it('nested and/or carry every level in their value names', () => {
    expect(filter({ and: [{ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] })).toEqual({
      expression: '(((#a = :and_0_or_0_a_eq) OR (#b = :and_0_or_1_b_eq)) AND (#c = :and_1_c_eq))',
      expressionNames: { '#a': 'a', '#b': 'b', '#c': 'c' },
      expressionValues: { ':and_0_or_0_a_eq': n(1), ':and_0_or_1_b_eq': n(2), ':and_1_c_eq': n(3) },
    });
  });

  it('a group of one member is not wrapped; a field beside a group', () => {
    expect((filter({ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }) as { expression: string }).expression).toBe('(#a = :a_eq) AND (#b = :and_0_b_eq)');
  });

  it('not wraps its object and prefixes not_', () => {
    expect(filter({ not: { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] } })).toEqual({
      expression: '(NOT ((#a = :not_and_0_a_eq) AND (#b = :not_and_1_b_eq)))',
      expressionNames: { '#a': 'a', '#b': 'b' },
      expressionValues: { ':not_and_0_a_eq': n(1), ':not_and_1_b_eq': n(2) },
    });
  });

  it('an empty filter renders an empty expression', () => {
    expect(filter({})).toEqual({ expression: '', expressionNames: {}, expressionValues: {} });
  });
});

describe('toDynamoDBConditionExpression', () => {
  it('renders exactly like the filter transform (create guard and optimistic-lock guard)', () => {
    const create = { and: [{ id: { attributeExists: false } }] };
    const update = { and: [{ id: { attributeExists: true } }, { _version: { eq: 1 } }] };
    expect(condition(create)).toEqual({ expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' }, expressionValues: {} });
    expect(condition(update)).toEqual({
      expression: '((attribute_exists(#id)) AND (#_version = :and_1__version_eq))',
      expressionNames: { '#id': 'id', '#_version': '_version' },
      expressionValues: { ':and_1__version_eq': n(1) },
    });
    expect(condition(update)).toEqual(filter(update));
  });
});

describe('input the transforms cannot render', () => {
  // AppSync answers these with null rather than an error (see transform.ts); the sandbox must not crash.
  it.each([
    ['no argument', undefined],
    ['null', null],
    ['an array', []],
    ['a string', 'string'],
    ['an unknown operator', { v: { foo: 1 } }],
    ['a field holding a value', { v: 'x' }],
    ['a field nested in a field', { a: { b: { eq: 1 } } }],
    ['and given an object', { and: { a: { eq: 1 } } }],
    ['a null group member', { and: [{ a: { eq: 1 } }, null] }],
    ['not given a list', { not: [{ a: { eq: 1 } }] }],
    ['between with one bound', { v: { between: [1] } }],
    ['in given a non-list', { v: { in: 'x' } }],
    ['attributeExists given a string', { v: { attributeExists: 'yes' } }],
    ['attributeType given a type code', { v: { attributeType: 'S' } }],
    ['size given a value', { v: { size: 3 } }],
  ])('%s → null', (_name, input) => {
    expect(transform.toDynamoDBFilterExpression(input)).toBeNull();
    expect(transform.toDynamoDBConditionExpression(input)).toBeNull();
  });
});
