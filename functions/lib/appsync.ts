/**
 * Calls AppSync's IAM-only mutations (publishTaskChange, publishSprintChange, publishNotification) as a
 * SigV4-signed POST (service `appsync`) to APPSYNC_URL, with the function's own credentials (the SDK's
 * chain, as the DynamoDB client resolves them). Subscribers of those mutations get the answer live.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { dynamoDbClient } from './clients.ts';

/** Answers `data`; throws on an HTTP failure or any GraphQL error (their messages joined). */
export async function signedGraphql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const u = new URL(url);
  const body = JSON.stringify({ query, variables });
  const credentials = await dynamoDbClient().config.credentials();
  const region = await dynamoDbClient().config.region();
  const signer = new SignatureV4({ service: 'appsync', region, sha256: Sha256, credentials });
  const signed = await signer.sign({
    method: 'POST',
    protocol: u.protocol,
    hostname: u.hostname,
    port: u.port ? Number(u.port) : undefined,
    path: u.pathname,
    query: {},
    headers: { host: u.host, 'content-type': 'application/json' },
    body,
  });
  const res = await fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body });
  const json = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
  if (!res.ok || !json || json.errors?.length) {
    throw new Error(`HTTP ${res.status}: ${json?.errors?.map((e) => e.message).join('; ') ?? 'no JSON body'}`);
  }
  return json.data as T;
}
