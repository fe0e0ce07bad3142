import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppSyncClient, CreateApiKeyCommand, ListGraphqlApisCommand } from '@aws-sdk/client-appsync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Refusal, MESSAGES } from '../../../src/appsync/auth/errors.ts';
import { createIamVerifier, signRequest, type LocalCredentials } from '../../../src/appsync/auth/iam.ts';

const REGION = 'us-east-1';
const notify: LocalCredentials = {
  accessKeyId: 'AKIDLOCALNOTIFY',
  secretAccessKey: 'local-secret-notify-0123456789',
  accountId: '000000000000',
  userArn: 'arn:aws:sts::000000000000:assumed-role/taskwire-notify/notify',
  username: 'AROALOCALNOTIFY:notify',
};
const temp: LocalCredentials = {
  accessKeyId: 'ASIALOCALTEMP',
  secretAccessKey: 'local-secret-temp-0123456789',
  sessionToken: 'local-session-token',
  accountId: '000000000000',
  userArn: 'arn:aws:iam::000000000000:user/ci',
};
const verifier = createIamVerifier({ region: REGION, credentials: [notify, temp] });
const ip = ['10.0.0.1'];
const url = 'https://localhost:4000/graphql';
const body = JSON.stringify({ query: 'mutation { notify(input: {userId: "u1"}) { id } }' });

async function signed(opts: { cred?: LocalCredentials; date?: Date; region?: string; headers?: Record<string, string>; reqBody?: string } = {}) {
  const headers = await signRequest(
    { url, method: 'POST', headers: { 'content-type': 'application/json', ...opts.headers }, body: opts.reqBody ?? body },
    opts.cred ?? notify,
    { region: opts.region ?? REGION, date: opts.date },
  );
  return { method: 'POST', path: '/graphql', headers, body: opts.reqBody ?? body, sourceIp: ip };
}

async function refusal(p: Promise<unknown>, errorType: string): Promise<Refusal> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(Refusal);
  expect((e as Refusal).statusCode).toBe(403);
  expect((e as Refusal).errorType).toBe(errorType);
  return e as Refusal;
}

describe('SigV4 verification', () => {
  it('matches the AWS SigV4 test suite (get-vanilla)', async () => {
    const aws = createIamVerifier({
      region: 'us-east-1',
      service: 'service',
      now: () => Date.UTC(2015, 7, 30, 12, 36, 0),
      credentials: [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', accountId: '1', userArn: 'arn:aws:iam::1:user/x' }],
    });
    const req = (signature: string) => ({
      method: 'GET',
      path: '/',
      body: '',
      sourceIp: ip,
      headers: {
        host: 'example.amazonaws.com',
        'x-amz-date': '20150830T123600Z',
        authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
      },
    });
    await expect(aws.verify(req('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'))).resolves.toMatchObject({ accountId: '1' });
    await refusal(aws.verify(req('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf30')), 'InvalidSignatureException');
  });

  it('signRequest produces the test suite\'s signature (get-vanilla)', async () => {
    const headers = await signRequest(
      { url: 'https://example.amazonaws.com/', method: 'GET' },
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      { region: 'us-east-1', service: 'service', date: new Date(Date.UTC(2015, 7, 30, 12, 36, 0)) },
    );
    expect(headers).toEqual({
      host: 'example.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    });
  });

  it('accepts what signRequest signs and builds the IAM identity', async () => {
    const identity = await verifier.verify(await signed());
    expect(identity).toEqual({
      accountId: '000000000000',
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      sourceIp: ip,
      username: 'AROALOCALNOTIFY:notify',
      userArn: notify.userArn,
      cognitoIdentityAuthType: null,
      cognitoIdentityAuthProvider: null,
    });
  });

  it('accepts temporary credentials with their session token, refuses a wrong or missing token', async () => {
    await expect(verifier.verify(await signed({ cred: temp }))).resolves.toMatchObject({ username: 'ci' });
    await refusal(verifier.verify(await signed({ cred: { ...temp, sessionToken: 'stolen-other-token' } })), 'UnrecognizedClientException');
    const { sessionToken: _t, ...noToken } = temp;
    await refusal(verifier.verify(await signed({ cred: noToken })), 'UnrecognizedClientException');
  });

  it('refuses a tampered body, a changed signed header, a missing signed header; ignores unsigned extras', async () => {
    const req = await signed();
    const r = await refusal(verifier.verify({ ...req, body: body.replace('u1', 'u2') }), 'InvalidSignatureException');
    expect(r.message).toBe(MESSAGES.badSignature);
    await refusal(verifier.verify({ ...req, headers: { ...req.headers, 'content-type': 'text/plain' } }), 'InvalidSignatureException');
    const { 'content-type': _ct, ...missing } = req.headers;
    await refusal(verifier.verify({ ...req, headers: missing }), 'InvalidSignatureException');
    await refusal(verifier.verify({ ...req, method: 'PUT' }), 'InvalidSignatureException');
    await refusal(verifier.verify({ ...req, path: '/graphql/other' }), 'InvalidSignatureException');
    await expect(verifier.verify({ ...req, headers: { ...req.headers, 'x-forwarded-for': '1.2.3.4', 'user-agent': 'curl' } })).resolves.toMatchObject({
      userArn: notify.userArn,
    });
  });

  it('refuses a wrong secret, an unknown key, and a wrong region', async () => {
    await refusal(verifier.verify(await signed({ cred: { ...notify, secretAccessKey: 'guess' } })), 'InvalidSignatureException');
    await refusal(verifier.verify(await signed({ cred: { ...notify, accessKeyId: 'AKIDUNKNOWN' } })), 'UnrecognizedClientException');
    const r = await refusal(verifier.verify(await signed({ region: 'eu-west-1' })), 'InvalidSignatureException');
    expect(r.message).toBe('Credential should be scoped to a valid region.');
  });

  it('allows 15 minutes of clock skew either way and refuses beyond', async () => {
    const now = Date.now();
    await expect(verifier.verify(await signed({ date: new Date(now - 14 * 60_000) }))).resolves.toBeTruthy();
    await expect(verifier.verify(await signed({ date: new Date(now + 14 * 60_000) }))).resolves.toBeTruthy();
    const expired = await refusal(verifier.verify(await signed({ date: new Date(now - 16 * 60_000) })), 'InvalidSignatureException');
    expect(expired.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    const future = await refusal(verifier.verify(await signed({ date: new Date(now + 16 * 60_000) })), 'InvalidSignatureException');
    expect(future.message).toMatch(/^Signature not yet current/);
  });

  it('checks a signed x-amz-content-sha256 against the body', async () => {
    const lie = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'; // hash of ""
    const req = await signed({ headers: { 'x-amz-content-sha256': lie } });
    await refusal(verifier.verify(req), 'InvalidSignatureException');
  });

  it('refuses malformed Authorization headers', async () => {
    const req = await signed();
    await refusal(verifier.verify({ ...req, headers: { ...req.headers, authorization: 'AWS4-HMAC-SHA256 Credential=a/b' } }), 'IncompleteSignatureException');
    const { 'x-amz-date': _d, ...noDate } = req.headers;
    await refusal(verifier.verify({ ...req, headers: noDate }), 'IncompleteSignatureException');
  });
});

describe('requests signed by the real AWS SDK client', () => {
  const seen: { ok: boolean; error?: string; userArn?: string }[] = [];
  let endpoint = '';
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      verifier
        .verify({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), sourceIp: ip })
        .then(
          (id) => seen.push({ ok: true, userArn: id.userArn }),
          (e: unknown) => seen.push({ ok: false, error: (e as Refusal).errorType }),
        )
        .finally(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(req.method === 'GET' ? '{"graphqlApis":[]}' : '{"apiKey":{"id":"k"}}');
        });
    });
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('verifies GET and POST requests the SDK signed (service appsync), and refuses another secret', async () => {
    const client = (secretAccessKey: string) =>
      new AppSyncClient({ endpoint, region: REGION, credentials: { accessKeyId: notify.accessKeyId, secretAccessKey }, maxAttempts: 1 });
    const good = client(notify.secretAccessKey);
    await good.send(new ListGraphqlApisCommand({ maxResults: 5 }));
    await good.send(new CreateApiKeyCommand({ apiId: 'api 1', description: 'signed body' }));
    await client('wrong-secret').send(new ListGraphqlApisCommand({}));
    good.destroy();
    expect(seen).toEqual([
      { ok: true, userArn: notify.userArn },
      { ok: true, userArn: notify.userArn },
      { ok: false, error: 'InvalidSignatureException' },
    ]);
  });
});
