/**
 * SigV4 for the DynamoDB data source's calls (wire.ts): the headers @smithy/signature-v4 would add to
 * a `POST` with these headers and body, byte for byte (test/appsync/datasources/sigv4.test.ts compares
 * the two), at a fraction of its cost.
 *
 * Why: signing with the SDK's signer was about an eighth of the runtime's main-thread CPU for a
 * two-read request (docs/local-runtime.md, "Performance: what a request costs, and where"). Its
 * generality costs per call: a clone of the request, header sorting and normalising, a credentials
 * HMAC to find the cached signing key, and four awaits. The requests here always have the same
 * shape: one path, no query, a handful of headers. So the canonical path is made once, the signing
 * key is kept per day and credentials (region and service are the signer's own), and a call costs two
 * SHA-256 hashes and one HMAC.
 */
import { createHash, createHmac } from 'node:crypto';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export type CredentialsProvider = Credentials | (() => Promise<Credentials> | Credentials);

/** What @smithy/signature-v4 does to a header value before it signs it. */
const normalise = (value: string): string => value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');

/** RFC 3986 escaping, as the SDK's escapeUri. */
const escapeUri = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The canonical path of `path`, as the SDK's signer makes it with `uriEscapePath` (DynamoDB's setting). */
export function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalised = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalised).replace(/%2F/g, '/');
}

/** `YYYYMMDDTHHMMSSZ` of `date` (whole seconds). */
const longDateOf = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

const hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');

export class SigV4Signer {
  private readonly path: string;
  private readonly credentials: () => Promise<Credentials> | Credentials;
  private key: { id: string; key: Buffer } | undefined;

  constructor(
    private readonly region: string,
    private readonly service: string,
    credentials: CredentialsProvider,
    path: string,
  ) {
    this.path = canonicalPath(path);
    this.credentials = typeof credentials === 'function' ? credentials : () => credentials;
  }

  /**
   * The request's headers with the signature's (`x-amz-date`, `x-amz-content-sha256`,
   * `x-amz-security-token` with session credentials, `authorization`). `headers`' names are lower case
   * and none of them is one the signer leaves unsigned or generates itself.
   */
  async sign(headers: Record<string, string>, body: string, date = new Date()): Promise<Record<string, string>> {
    const credentials = await this.credentials();
    if (typeof credentials?.accessKeyId !== 'string' || typeof credentials.secretAccessKey !== 'string') {
      throw new Error('Resolved credential object is not valid');
    }
    const longDate = longDateOf(date);
    const shortDate = longDate.slice(0, 8);
    const payloadHash = hex(body);
    const signed: Record<string, string> = { ...headers, 'x-amz-date': longDate, 'x-amz-content-sha256': payloadHash };
    if (credentials.sessionToken) signed['x-amz-security-token'] = credentials.sessionToken;
    const names = Object.keys(signed).sort();
    let canonicalHeaders = '';
    for (const name of names) canonicalHeaders += `${name}:${normalise(signed[name]!)}\n`;
    const signedHeaders = names.join(';');
    const canonicalRequest = `POST\n${this.path}\n\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
    const scope = `${shortDate}/${this.region}/${this.service}/aws4_request`;
    const stringToSign = `AWS4-HMAC-SHA256\n${longDate}\n${scope}\n${hex(canonicalRequest)}`;
    const signature = createHmac('sha256', this.signingKey(credentials, shortDate)).update(stringToSign, 'utf8').digest('hex');
    signed.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return signed;
  }

  /** The day's signing key for these credentials, kept until the day or the credentials change. */
  private signingKey(credentials: Credentials, shortDate: string): Buffer {
    const id = `${shortDate}\n${credentials.accessKeyId}\n${credentials.secretAccessKey}\n${credentials.sessionToken ?? ''}`;
    if (this.key?.id === id) return this.key.key;
    let key: Buffer = createHmac('sha256', `AWS4${credentials.secretAccessKey}`).update(shortDate).digest();
    for (const part of [this.region, this.service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
    this.key = { id, key };
    return key;
  }
}
