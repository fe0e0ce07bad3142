/**
 * The local AppSync end to end over HTTPS: real DynamoDB Local and cognito-local, a demo user's real
 * token, the transport refusals, CORS, EvaluateCode through the real AWS SDK client, and start-up.
 */
import { describe, expect, it } from 'vitest';
import { AppSyncClient, EvaluateCodeCommand } from '@aws-sdk/client-appsync';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { useLocalRuntime } from '../../support/runtime.ts';
import { TEST_APP } from '../graphql/fixture.ts';
import { startServer } from '../../../src/appsync/server.ts';
import { connect as tlsConnect } from 'node:tls';

const rt = useLocalRuntime({ app: TEST_APP });
const malformed = (message: string) => ({ errors: [{ errorType: 'MalformedHttpRequestException', message }] });

describe('POST /graphql', () => {
  it('answers a demo user signed in against cognito-local (access and id tokens)', async () => {
    const access = await rt.token('max@taskwire.local');
    expect(await rt.post({ query: 'query Q($v: String) { echo(value: $v) }', variables: { v: 'hi' } }, access)).toEqual({
      status: 200,
      json: { data: { echo: 'hi' } },
    });
    const id = await rt.token('ada@taskwire.local', 'idToken');
    expect(await rt.post({ query: '{ adminOnly }' }, id)).toEqual({ status: 200, json: { data: { adminOnly: 'admin' } } });
  });

  it('refuses a request without credentials with AppSync 401', async () => {
    expect(await rt.post({ query: '{ echo }' })).toEqual({
      status: 401,
      json: { errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] },
    });
  });

  it('refuses GET and form-encoded POSTs, empty and unparsable bodies', async () => {
    const token = await rt.token('max@taskwire.local');
    const get = await rt.fetch('/graphql?query=%7Becho%7D', { method: 'GET', headers: { authorization: token } });
    expect([get.status, get.headers.allow, JSON.parse(get.body)]).toEqual([
      405,
      'POST',
      malformed('GET requests are not accepted: send a POST with a JSON body.'),
    ]);
    const form = await rt.fetch('/graphql', {
      headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7Becho%7D',
    });
    expect([form.status, JSON.parse(form.body)]).toEqual([
      415,
      malformed("Content type 'application/x-www-form-urlencoded' is not accepted: send the request as application/json."),
    ]);
    const json = { authorization: token, 'content-type': 'application/json' };
    const empty = await rt.fetch('/graphql', { headers: json, body: '' });
    expect([empty.status, JSON.parse(empty.body)]).toEqual([400, malformed('Request body is empty.')]);
    for (const body of ['meow', '{}', '[]', '{"query": 5}']) {
      const bad = await rt.fetch('/graphql', { headers: json, body });
      expect([bad.status, JSON.parse(bad.body)]).toEqual([400, malformed('Unable to parse GraphQL query.')]);
    }
  });

  it('bounds the request body', async () => {
    const res = await rt.fetch('/graphql', { headers: { 'content-type': 'application/json' }, body: `{"query":"${'x'.repeat(1024 * 1024)}"}` });
    expect([res.status, JSON.parse(res.body)]).toEqual([413, malformed('Request body is larger than 1048576 bytes.')]);
  });

  it('answers bytes that are not HTTP with a JSON 400 (not Node’s empty one)', async () => {
    const raw = (bytes: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = tlsConnect({ host: 'localhost', port: rt.runtime.server.port, ca: rt.runtime.caCertPem, servername: 'localhost' }, () => socket.end(bytes));
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
    const body = JSON.stringify(malformed('The request could not be parsed as HTTP.'));
    for (const bytes of ['GARBAGE\r\n\r\n', 'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\ncontent-length: 6\r\n\r\nhello', 'POST /graphql HTTP/1.1\r\nbad header\r\n\r\n']) {
      const answer = await raw(bytes);
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
      expect(answer.slice(answer.indexOf('\r\n\r\n') + 4)).toBe(body);
    }
    const huge = await raw(`POST /graphql HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toEqual(JSON.parse(body));
  });

  it('answers a browser preflight with CORS headers', async () => {
    const res = await rt.fetch('/graphql', { method: 'OPTIONS', headers: { origin: 'https://localhost:5173', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('POST, OPTIONS');
    expect(String(res.headers['access-control-allow-headers']).split(', ')).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-api-key']));
  });
});

describe('EvaluateCode', () => {
  const CODE = `export function request(ctx) { ctx.stash.seen = true; console.log('hi', ctx.args.id); return { operation: 'GetItem', key: { id: ctx.args.id } }; }
export function response(ctx) { return ctx.result; }`;
  // A copy: the SDK marks the credentials object it is given.
  const client = (credentials = { ...(rt.runtime.iamCredentials) }) =>
    new AppSyncClient({
      endpoint: rt.runtime.urls.evaluateCode,
      region: 'us-east-1',
      credentials,
      requestHandler: new NodeHttpHandler({ httpsAgent: rt.agent }),
    });
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => ({ name: 'resolved', message: '', $metadata: {} as { httpStatusCode?: number } }),
      (e: unknown) => e as { name: string; message: string; $metadata: { httpStatusCode?: number } },
    );
  const body = JSON.stringify({ runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' }, code: CODE, context: '{"arguments":{"id":"a1"}}', function: 'request' });

  it('evaluates a request handler through @aws-sdk/client-appsync signed with the runtime\'s IAM credentials', async () => {
    const out = await client().send(
      new EvaluateCodeCommand({ runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' }, code: CODE, context: JSON.stringify({ arguments: { id: 'a1' } }), function: 'request' }),
    );
    expect(JSON.parse(out.evaluationResult!)).toEqual({ operation: 'GetItem', key: { id: 'a1' } });
    expect(JSON.parse(out.stash!)).toEqual({ seen: true });
    expect(out.error).toBeUndefined();
  });

  it('refuses an unsigned request, and one signed with unknown or wrong credentials, as AWS does (403)', async () => {
    const unsigned = await rt.fetch('/v1/dataplane-evaluatecode', { headers: { 'content-type': 'application/json' }, body });
    expect([unsigned.status, unsigned.headers['x-amzn-errortype'], JSON.parse(unsigned.body)]).toEqual([
      403, 'MissingAuthenticationTokenException', { message: 'Missing Authentication Token' },
    ]);
    const bearer = await rt.fetch('/v1/dataplane-evaluatecode', { headers: { 'content-type': 'application/json', authorization: await rt.token('ada@taskwire.local') }, body });
    expect([bearer.status, bearer.headers['x-amzn-errortype']]).toEqual([403, 'MissingAuthenticationTokenException']);
    const { accessKeyId } = rt.runtime.iamCredentials;
    const command = () => new EvaluateCodeCommand({ runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' }, code: CODE, context: '{}', function: 'request' });
    const unknown = await failure(client({ accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' }).send(command()));
    expect([unknown.name, unknown.message, unknown.$metadata.httpStatusCode]).toEqual(['UnrecognizedClientException', 'The security token included in the request is invalid.', 403]);
    const wrong = await failure(client({ accessKeyId, secretAccessKey: 'not-the-secret' }).send(command()));
    expect([wrong.name, wrong.$metadata.httpStatusCode]).toEqual(['InvalidSignatureException', 403]);
  });

  it('refuses browsers: a cross-origin preflight, and any request carrying an Origin, without CORS headers', async () => {
    const preflight = await rt.fetch('/v1/dataplane-evaluatecode', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    const simple = await rt.fetch('/v1/dataplane-evaluatecode', { headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, body });
    expect([simple.status, simple.headers['access-control-allow-origin'], JSON.parse(simple.body)]).toEqual([
      403, undefined, { message: 'EvaluateCode does not accept cross-origin requests.' },
    ]);
    // /graphql keeps AppSync's CORS (any origin).
    const graphql = await rt.fetch('/graphql', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect([graphql.status, graphql.headers['access-control-allow-origin']]).toEqual([204, '*']);
  });

  it('refuses an invalid request with BadRequestException', async () => {
    const err = await failure(client().send(new EvaluateCodeCommand({ runtime: { name: 'APPSYNC_JS', runtimeVersion: '9.9.9' }, code: 'x', context: '{}' })));
    expect([err.name, err.message, err.$metadata.httpStatusCode]).toEqual([
      'BadRequestException',
      "runtime.runtimeVersion must be '1.0.0'.",
      400,
    ]);
  });
});

describe('start-up', () => {
  it('fails with one line when the port is in use', async () => {
    const err = await startServer({ app: rt.runtime.app, tls: { key: '', cert: '' }, port: rt.runtime.server.port }).catch((e: Error) => e.message);
    expect(err).toBe(`Cannot serve the local AppSync: port ${rt.runtime.server.port} is already in use (set PORT to another port)`);
  });
});
