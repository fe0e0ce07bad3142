import { describe, expect, it } from 'vitest';
import { evaluateCode, runHandler } from '../../../src/appsync/js/index.ts';
import { escapeJavaScript, urlEncode } from '../../../src/appsync/js/util/encoding.ts';
import { matches } from '../../../src/appsync/js/util/java-regex.ts';
import { toSubscriptionFilter } from '../../../src/appsync/js/util/subscription-filter.ts';
import { bundle, compile, makeContext } from './helpers.ts';

describe('util encoding, matching, ids', () => {
  it('encodes like Java', () => {
    expect(urlEncode("a b&c=d/é!'")).toBe('a+b%26c%3Dd%2F%C3%A9%21%27');
    expect(escapeJavaScript('He said "hi"\n/é')).toBe('He said \\"hi\\"\\n\\/\\u00E9');
  });
  it('matches the whole string with Java regex syntax', () => {
    expect(matches('a+b', 'aab')).toBe(true);
    expect(matches('a+', 'aab')).toBe(false);
    expect(matches('\\p{Alpha}+', 'abc')).toBe(true);
    expect(matches('(?i)HELLO', 'hello')).toBe(true);
  });
  it('ids have the documented shapes', () => {
    const c = compile("import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return [util.autoId(), util.autoUlid(), util.autoKsuid(), util.base64Encode('héllo'), util.base64Decode('aMOpbGxv'), util.authType()]; }\nexport function response(ctx) { return 1; }");
    const [id, ulid, ksuid, b64, decoded, auth] = runHandler(c, 'request', makeContext()).value as string[];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ulid).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(ksuid).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(b64).toBe('aMOpbGxv');
    expect(decoded).toBe('héllo');
    expect(auth).toBe('API Key Authorization');
  });
  it('unsupported-locally namespaces fail clearly', () => {
    const c = compile("import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return util.xml.toMap('<a/>'); }\nexport function response(ctx) { return 1; }");
    expect(runHandler(c, 'request', makeContext()).codeError?.message).toMatch(/not supported locally/);
  });
});

describe('util.transform.toSubscriptionFilter', () => {
  // Recorded AppSync outputs are in test/appsync/js/conformance/cases/subscription-filter.ts.
  it('multiplies alternatives out: each or member and each rule is a group of its own', () => {
    expect(toSubscriptionFilter({ or: [{ status: { eq: 'DONE' } }, { priority: { in: ['HIGH', 'LOW'] } }] }, [], { projectId: { eq: 'p1' } })).toEqual({
      filterGroup: [
        { filters: [{ fieldName: 'status', operator: 'eq', value: 'DONE' }, { fieldName: 'projectId', operator: 'eq', value: 'p1' }] },
        { filters: [{ fieldName: 'priority', operator: 'in', value: ['HIGH', 'LOW'] }, { fieldName: 'projectId', operator: 'eq', value: 'p1' }] },
      ],
    });
  });
  it('an empty or keeps the conditions beside it (choice, docs/conformance.md)', () => {
    expect(toSubscriptionFilter({ projectId: { eq: 'p1' }, or: [] })).toEqual({ filterGroup: [{ filters: [{ fieldName: 'projectId', operator: 'eq', value: 'p1' }] }] });
  });
  it('leaves AppSync limits to the subscription (realtime validateFilter), refuses a field without operators object', () => {
    expect(toSubscriptionFilter({ a: { in: [1, 2, 3, 4, 5, 6] } })?.filterGroup).toHaveLength(1);
    expect(() => toSubscriptionFilter({ a: 1 })).toThrow(/a must map operators to values/);
  });
});

describe('evaluateCode', () => {
  it('answers in the EvaluateCode response shape', () => {
    const code = bundle("import { util } from '@aws-appsync/utils';\nexport function request(ctx) {\n  console.log('current id', ctx.args.id);\n  ctx.stash.n = 1;\n  util.appendError('warn');\n  return { operation: 'PutItem', key: { id: util.dynamodb.toDynamoDB(ctx.args.id) } };\n}\nexport function response(ctx) { return ctx.result; }");
    const out = evaluateCode({ code, context: JSON.stringify({ arguments: { id: 'record-id' } }), function: 'request', runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' } });
    expect(JSON.parse(out.evaluationResult!)).toEqual({ operation: 'PutItem', key: { id: { S: 'record-id' } } });
    expect(out.logs).toEqual(['INFO - code.js:4:3: "current id" "record-id"']);
    expect(JSON.parse(out.stash!)).toEqual({ n: 1 });
    expect(JSON.parse(out.outErrors!)).toEqual([{ message: 'warn', errorType: null, data: null, errorInfo: null }]);
    expect(out.error).toBeUndefined();
  });
  it('util.unauthorized outside a field answers plain "Unauthorized"; inside one it names the field (choice, docs/conformance.md)', () => {
    const code = "import { util } from '@aws-appsync/utils';\nexport function request(ctx) { util.unauthorized(); }\nexport function response(ctx) { return 1; }";
    expect(evaluateCode({ code, context: '{}', function: 'request' }).error).toEqual({ message: 'Unauthorized' });
    const inField = evaluateCode({ code, context: JSON.stringify({ info: { fieldName: 'task', parentTypeName: 'Query' } }), function: 'request' });
    expect(inField.error).toEqual({ message: 'Not Authorized to access task on type Query' });
  });
  it('reports validation and runtime errors as codeErrors', () => {
    const refused = evaluateCode({ code: 'export function request(ctx) {\n  while (true) {}\n}', context: '{}', function: 'request' });
    expect(refused.error?.codeErrors?.[0]).toMatchObject({ location: { line: 2, column: 3 } });
    const failed = evaluateCode({ code: 'export function request(ctx) {\n  return ctx.args.a.b;\n}', context: '{}', function: 'request' });
    expect(failed.error?.codeErrors?.[0]).toMatchObject({ errorType: 'RUNTIME_ERROR', location: { line: 2 } });
    expect(() => evaluateCode({ code: 'x', context: '{bad', function: 'request' })).toThrow(/context/);
  });
});
