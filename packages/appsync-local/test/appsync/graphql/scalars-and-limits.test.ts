/**
 * AWS scalars (literals, variables, output) in AppSync's wording, and the API limits: query depth,
 * resolvers per request, introspection off.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { buildTestApp, cognitoUser } from './fixture.ts';
import type { LocalAppSync } from '../../../src/appsync/app.ts';

const db = useDynamoDbTable();
let app: LocalAppSync;
let limited: LocalAppSync;
beforeAll(() => {
  app = buildTestApp(db).app;
  limited = buildTestApp(db, { limits: { queryDepthLimit: 2, resolverCountLimit: 3, introspection: false } }).app;
});
const run = (target: LocalAppSync, query: string, variables: Record<string, unknown> = {}) =>
  target.execute({ query, variables, auth: cognitoUser(), headers: {} });
const at = (line: number, column: number) => [{ line, column, sourceName: null }];

// [scalar, argument, a valid literal, its value in ctx.args, an invalid string, the noun in messages]
const CASES: [string, string, string, unknown, string, string][] = [
  ['AWSDate', 'date', '"1970-01-01+05:30"', '1970-01-01+05:30', '2024-02-30', 'Date Object'],
  ['AWSTime', 'time', '"12:30:24.500+05:30"', '12:30:24.500+05:30', '25:00', 'Time Object'],
  ['AWSDateTime', 'dateTime', '"1970-01-01T12:00:00.123456789Z"', '1970-01-01T12:00:00.123456789Z', '2020-05-23T06:4:37.000Z', 'DateTime Object'],
  ['AWSEmail', 'email', '"a@b"', 'a@b', 'not an email', 'email address'],
  ['AWSJSON', 'json', '"{\\"a\\":[1,2]}"', { a: [1, 2] }, '{a:1}', 'JSON Object'],
  ['AWSURL', 'url', '"https://example.com/x?y=1"', 'https://example.com/x?y=1', 'example.com', 'URL'],
  ['AWSPhone', 'phone', '"+44 20 7946 0958"', '+44 20 7946 0958', '1110004444', 'phone number'],
  ['AWSIPAddress', 'ip', '"2001:db8::/32"', '2001:db8::/32', '300.1.1.1', 'IP address'],
];

describe('AWS scalars', () => {
  it.each(CASES)('%s: accepts a valid literal and passes its value to the resolver', async (_scalar, arg, literal, value) => {
    expect(await run(app, `{ scalars(${arg}: ${literal}) }`)).toEqual({ data: { scalars: JSON.stringify({ [arg]: value }) } });
  });

  it.each(CASES)('%s: refuses an invalid literal (WrongType)', async (scalar, arg, _l, _v, invalid) => {
    const literal = JSON.stringify(invalid);
    expect(await run(app, `{ scalars(${arg}: ${literal}) }`)).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: at(1, 11),
          message: `Validation error of type WrongType: argument '${arg}' with value 'StringValue{value='${invalid}'}' is not a valid '${scalar}' @ 'scalars'`,
        },
      ],
    });
  });

  it.each(CASES)('%s: refuses an invalid variable', async (scalar, arg, _l, _v, invalid, noun) => {
    expect(await run(app, `query ($v: ${scalar}) { scalars(${arg}: $v) }`, { v: invalid })).toEqual({
      data: null,
      errors: [{ path: null, locations: at(1, 8), message: `Variable 'v' has an invalid value. Unable to parse \`${invalid}\` as a valid ${noun}.` }],
    });
  });

  it('AWSTimestamp takes integer seconds only', async () => {
    expect(await run(app, '{ scalars(timestamp: 1700000000) }')).toEqual({ data: { scalars: '{"timestamp":1700000000}' } });
    expect(await run(app, '{ scalars(timestamp: "1700000000") }')).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: at(1, 11),
          message: "Validation error of type WrongType: argument 'timestamp' with value 'StringValue{value='1700000000'}' is not a valid 'AWSTimestamp' @ 'scalars'",
        },
      ],
    });
    expect(await run(app, 'query ($t: AWSTimestamp) { scalars(timestamp: $t) }', { t: 1.5 })).toEqual({
      data: null,
      errors: [{ path: null, locations: at(1, 8), message: "Variable 't' has an invalid value. Unable to parse `1.5` as a valid timestamp." }],
    });
  });

  it('checks output values', async () => {
    expect(await run(app, '{ badOutput(value: "2024-05-01T10:00:00+02:00") }')).toEqual({ data: { badOutput: '2024-05-01T10:00:00+02:00' } });
    expect(await run(app, '{ badOutput(value: "yesterday") }')).toEqual({
      data: { badOutput: null },
      errors: [
        {
          path: ['badOutput'],
          data: null,
          errorType: null,
          errorInfo: null,
          locations: null,
          message: "Can't serialize value (/badOutput) : Unable to serialize `yesterday` as a valid DateTime Object.",
        },
      ],
    });
  });
});

describe('limits', () => {
  it('nulls fields deeper than the depth limit with QueryDepthLimitReached', async () => {
    expect(await run(limited, '{ item(id: "1") { id child { id } } }')).toEqual({
      data: { item: { id: '1', child: null } },
      errors: [
        {
          path: ['item', 'child', 'id'],
          data: null,
          errorType: 'QueryDepthLimitReached',
          errorInfo: null,
          locations: at(1, 30),
          message: 'Query depth limit of 2 reached',
        },
      ],
    });
  });

  it('stops running resolvers past the resolver-count limit with ResolverExecutionLimitReached', async () => {
    expect(await run(limited, '{ a: echo(value: "1") b: echo(value: "2") c: echo(value: "3") d: echo(value: "4") }')).toEqual({
      data: { a: '1', b: '2', c: '3', d: null },
      errors: [
        {
          path: ['d'],
          data: null,
          errorType: 'ResolverExecutionLimitReached',
          errorInfo: null,
          locations: at(1, 63),
          message: 'Resolver execution limit of 3 reached',
        },
      ],
    });
  });

  it('refuses introspection when it is turned off, but keeps __typename', async () => {
    expect(await run(limited, '{ __schema { queryType { name } } }')).toEqual({
      data: null,
      errors: [{ path: null, locations: at(1, 3), message: "Validation error of type FieldUndefined: Field '__schema' in type 'Query' is undefined @ '__schema'" }],
    });
    expect(await run(limited, '{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    expect(await run(app, '{ __schema { queryType { name } } }')).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('cancels queries nested too deeply for the parser as a request error (no stack overflow)', async () => {
    const cancelled = (what: string, line: number, column: number) => ({
      data: null,
      errors: [
        { path: null, locations: at(line, column), message: `Invalid Syntax : More than ${what} have been entered. To prevent Denial Of Service attacks, parsing has been cancelled.` },
      ],
    });
    const list = `{ echo(value: ${'['.repeat(20_000)}${']'.repeat(20_000)}) }`;
    expect(await run(app, list)).toEqual(cancelled('150 levels of nesting', 1, 15 + 148));
    const object = `{ echo(value: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}) }`;
    expect(await run(app, object)).toEqual(cancelled('150 levels of nesting', 1, 15 + 148 * 4));
    const selection = `{ item(id: "1") ${'{ child '.repeat(10_000)}${'}'.repeat(10_000)} }`;
    expect(await run(app, selection)).toEqual(cancelled('150 levels of nesting', 1, 17 + 149 * 8));
    // Thousands of fragments, each spreading the next (and a long cycle), deepen only through spreads.
    const chain = (n: number, last: string) =>
      `{ ...F0 }\n${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { __typename ${i < n - 1 ? `...F${i + 1}` : last} }`).join(' ')}`;
    expect(await run(app, chain(5000, ''))).toEqual(cancelled('500 levels of selections and fragment spreads', 1, 1));
    expect(await run(app, chain(5000, '...F0'))).toEqual(cancelled('500 levels of selections and fragment spreads', 1, 1));
    // Below the bounds nothing changes: a chain of 400 fragments runs, a short cycle is a validation error.
    expect(await run(app, chain(400, ''))).toEqual({ data: { __typename: 'Query' } });
    expect((await run(app, chain(3, '...F0'))).errors?.[0]?.message).toMatch(/^Validation error of type FragmentCycle: /);
  });

  it('rejects limits outside AppSync ranges when the app is built', () => {
    expect(() => buildTestApp(db, { limits: { queryDepthLimit: 76 } })).toThrow('queryDepthLimit must be 0 (none) or 1–75, not 76');
    expect(() => buildTestApp(db, { limits: { resolverCountLimit: 0 } })).toThrow('resolverCountLimit must be 1–10000, not 0');
  });
});
