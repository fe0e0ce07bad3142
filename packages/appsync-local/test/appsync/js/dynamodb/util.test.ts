// util.dynamodb against the developer guide page "DynamoDB helpers in util.dynamodb"
// (dynamodb-helpers-in-util-dynamodb-js) and the examples in @aws-appsync/utils lib/dynamodb-utils.d.ts.
// Numbers stay JSON numbers ({"N": 1234}), as the guide prints them; the DynamoDB data source turns
// them into wire strings.
import { describe, expect, it } from 'vitest';
import { createDynamoDbUtils } from '../../../../src/appsync/js/dynamodb/index.ts';

const util = createDynamoDbUtils();

describe('util.dynamodb.toDynamoDB', () => {
  it('converts the documented object example: strings S, numbers N, arrays L', () => {
    expect(util.toDynamoDB({ foo: 'bar', baz: 1234, beep: ['boop'] })).toEqual({
      M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } },
    });
  });

  it('maps every scalar type', () => {
    expect(util.toDynamoDB('foo')).toEqual({ S: 'foo' });
    expect(util.toDynamoDB(true)).toEqual({ BOOL: true });
    expect(util.toDynamoDB(null)).toEqual({ NULL: null });
    expect(util.toDynamoDB(4.56)).toEqual({ N: 4.56 });
  });

  it('never produces sets, even for lists of strings or numbers', () => {
    expect(util.toDynamoDB(['a', 'b'])).toEqual({ L: [{ S: 'a' }, { S: 'b' }] });
    expect(util.toDynamoDB({ SS: ['a'] })).toEqual({ M: { SS: { L: [{ S: 'a' }] } } });
  });

  it('keeps numbers as numbers (-0 becomes 0) and refuses non-finite ones', () => {
    expect(util.toDynamoDB(-0)).toEqual({ N: 0 });
    expect(util.toDynamoDB(1e21)).toEqual({ N: 1e+21 });
    expect(() => util.toDynamoDB(NaN)).toThrow(/NaN cannot be stored in DynamoDB/);
    expect(() => util.toDynamoDB({ a: Infinity })).toThrow(/Infinity/);
  });

  it('drops undefined object members and refuses functions', () => {
    expect(util.toDynamoDB({ a: undefined, b: 1 })).toEqual({ M: { b: { N: 1 } } });
    expect(() => util.toDynamoDB({ f: () => 1 })).toThrow(/cannot convert a function/);
  });

  it('keeps a "__proto__" key as data instead of changing the prototype', () => {
    const input = JSON.parse('{"__proto__": "x"}') as unknown;
    const out = util.toMapValues(input) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('refuses cyclic or too deeply nested input with a clear error instead of overflowing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => util.toDynamoDB(cyclic)).toThrow(/nested more than 32 levels deep \(or contains a cycle\)/);
  });
});

describe('util.dynamodb typed converters (documented examples)', () => {
  it('toString, toNumber, toBoolean, toNull, toBinary', () => {
    expect(util.toString('foo')).toEqual({ S: 'foo' });
    expect(util.toNumber(12345)).toEqual({ N: 12345 });
    expect(util.toBoolean(true)).toEqual({ BOOL: true });
    expect(util.toNull()).toEqual({ NULL: null });
    expect(util.toBinary('foo')).toEqual({ B: 'foo' });
  });

  it('sets', () => {
    expect(util.toStringSet(['foo', 'bar', 'baz'])).toEqual({ SS: ['foo', 'bar', 'baz'] });
    expect(util.toNumberSet([1, 23, 4.56])).toEqual({ NS: [1, 23, 4.56] });
    expect(util.toBinarySet(['foo', 'bar', 'baz'])).toEqual({ BS: ['foo', 'bar', 'baz'] });
  });

  it('toList, toMap and toMapValues (= toMap(o).M)', () => {
    expect(util.toList(['foo', 123, { bar: 'baz' }])).toEqual({ L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] });
    const input = { foo: 'bar', baz: 1234, beep: ['boop'] };
    expect(util.toMap(input)).toEqual({ M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } } });
    expect(util.toMapValues(input)).toEqual(util.toMap(input)?.M);
  });

  it('return null for null or undefined input, as their typings declare', () => {
    expect(util.toString(null)).toBeNull();
    expect(util.toNumber(undefined)).toBeNull();
    expect(util.toStringSet(null)).toBeNull();
    expect(util.toMapValues(undefined)).toBeNull();
  });

  it('give clear errors for the wrong type', () => {
    expect(() => util.toString(5)).toThrow('util.dynamodb.toString: expected a string, got the number 5');
    expect(() => util.toNumber('5')).toThrow('util.dynamodb.toNumber: expected a number, got the string "5"');
    expect(() => util.toNumberSet([1, 'x'])).toThrow(/set member 1 must be a number/);
    expect(() => util.toMap([1])).toThrow('util.dynamodb.toMap: expected an object, got an array');
  });
});

describe('util.dynamodb S3 objects', () => {
  it('toS3Object with three and four arguments', () => {
    expect(util.toS3Object('foo', 'bar', 'baz')).toEqual({ S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}' });
    expect(util.toS3Object('foo', 'bar', 'baz', 'beep')).toEqual({
      S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}',
    });
  });

  it('fromS3ObjectJson reads back key, bucket, region and version', () => {
    expect(util.fromS3ObjectJson(util.toS3Object('foo', 'bar', 'baz', 'beep').S)).toEqual({ key: 'foo', bucket: 'bar', region: 'baz', version: 'beep' });
    expect(util.fromS3ObjectJson('{"s3":{"key":"k","bucket":"b","region":"r"}}')).toEqual({ key: 'k', bucket: 'b', region: 'r' });
  });

  it('clear errors for bad S3 input', () => {
    expect(() => util.toS3Object('k', 3, 'r')).toThrow('util.dynamodb.toS3Object: bucket must be a string, got the number 3');
    expect(() => util.fromS3ObjectJson('not json')).toThrow(/not valid JSON/);
    expect(() => util.fromS3ObjectJson('{"key":"k"}')).toThrow(/expected \{"s3"/);
  });
});
