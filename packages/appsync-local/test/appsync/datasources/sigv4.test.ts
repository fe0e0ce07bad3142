/**
 * The DynamoDB data source's signer (sigv4.ts) against the SDK's own (@smithy/signature-v4, as the
 * DynamoDB client configures it): the same headers, byte for byte, for the requests the data source makes.
 */
import { describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SigV4Signer, canonicalPath, type Credentials } from '../../../src/appsync/datasources/dynamodb/sigv4.ts';

async function both(opts: { credentials: Credentials; region?: string; path?: string; headers: Record<string, string>; body: string; date: Date }) {
  const region = opts.region ?? 'us-east-1';
  const path = opts.path ?? '/';
  const sdk = new SignatureV4({ service: 'dynamodb', region, credentials: opts.credentials, sha256: Sha256, uriEscapePath: true });
  const expected = await sdk.sign(
    { method: 'POST', protocol: 'http:', hostname: 'localhost', port: 8000, path, query: {}, headers: { ...opts.headers }, body: opts.body },
    { signingDate: opts.date },
  );
  const ours = await new SigV4Signer(region, 'dynamodb', async () => opts.credentials, path).sign(opts.headers, opts.body, opts.date);
  return { expected: expected.headers, ours };
}

const headers = (operation: string, body: string) => ({
  host: 'localhost:8000',
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-target': `DynamoDB_20120810.${operation}`,
  'content-length': String(Buffer.byteLength(body)),
});

describe('the DynamoDB data source signs as the SDK does', () => {
  it('with long-term credentials: every header equal, the signature included', async () => {
    const body = JSON.stringify({ TableName: 'taskwire', Key: { PK: { S: 'TASK#1' }, SK: { S: 'TASK' } } });
    const { expected, ours } = await both({
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      headers: headers('GetItem', body),
      body,
      date: new Date('2026-12-06T04:05:06.789Z'),
    });
    expect(ours).toEqual(expected);
    expect(ours.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261206\/us-east-1\/dynamodb\/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/);
  });

  it('with session credentials, another region, a path and a body outside ASCII', async () => {
    const body = JSON.stringify({ TableName: 't', Item: { PK: { S: 'naïve — 日本 🚀' } } });
    const { expected, ours } = await both({
      credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'FwoGZXIvYXdzE//token+with/odd=chars' },
      region: 'eu-west-2',
      path: '/prefix/./a b/../table/',
      headers: headers('PutItem', body),
      body,
      date: new Date('2027-01-01T00:00:00.000Z'),
    });
    expect(ours).toEqual(expected);
    expect(ours['x-amz-security-token']).toBe('FwoGZXIvYXdzE//token+with/odd=chars');
  });

  it('keeps the signing key per day and per credentials: a new day or new keys sign as the SDK does', async () => {
    let credentials: Credentials = { accessKeyId: 'A1', secretAccessKey: 'S1' };
    const signer = new SigV4Signer('us-east-1', 'dynamodb', () => credentials, '/');
    const body = '{}';
    for (const [date, creds] of [
      ['2026-12-06T23:59:59Z', { accessKeyId: 'A1', secretAccessKey: 'S1' }],
      ['2026-12-07T00:00:01Z', { accessKeyId: 'A1', secretAccessKey: 'S1' }],
      ['2026-12-07T00:00:02Z', { accessKeyId: 'A1', secretAccessKey: 'S2' }],
      ['2026-12-07T00:00:03Z', { accessKeyId: 'A1', secretAccessKey: 'S2', sessionToken: 'T' }],
    ] as const) {
      credentials = creds;
      const sdk = new SignatureV4({ service: 'dynamodb', region: 'us-east-1', credentials: creds, sha256: Sha256, uriEscapePath: true });
      const expected = await sdk.sign(
        { method: 'POST', protocol: 'http:', hostname: 'h', path: '/', query: {}, headers: headers('Query', body), body },
        { signingDate: new Date(date) },
      );
      expect(await signer.sign(headers('Query', body), body, new Date(date))).toEqual(expected.headers);
    }
  });

  it('normalises header values and paths as the SDK does', () => {
    expect(canonicalPath('/')).toBe('/');
    expect(canonicalPath('')).toBe('');
    expect(canonicalPath('/a/./b/../c d/')).toBe('/a/c%20d/');
  });

  it('refuses credentials without keys, as the SDK does', async () => {
    const signer = new SigV4Signer('us-east-1', 'dynamodb', async () => ({}) as Credentials, '/');
    await expect(signer.sign(headers('GetItem', '{}'), '{}')).rejects.toThrow('Resolved credential object is not valid');
  });
});
