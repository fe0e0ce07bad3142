import { afterEach, describe, expect, it } from 'vitest';
import { cachedClient, dynamoDbClient, resetClients } from '../../functions/lib/clients.ts';

afterEach(() => resetClients());

describe('Lambda SDK clients', () => {
  it('are reused while their configuration is unchanged, as in a warm container', () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:1111';
    expect(dynamoDbClient()).toBe(dynamoDbClient());
  });

  it('are made again, the old one destroyed, when the local runtime points functions elsewhere', async () => {
    let destroyed = 0;
    const make = () => ({ endpoint: process.env.AWS_ENDPOINT_URL_S3, destroy: () => (destroyed += 1) });
    process.env.AWS_ENDPOINT_URL_S3 = 'http://127.0.0.1:1111';
    const first = cachedClient('test-s3', ['AWS_ENDPOINT_URL_S3'], make);
    process.env.AWS_ENDPOINT_URL_S3 = 'http://127.0.0.1:2222';
    const second = cachedClient('test-s3', ['AWS_ENDPOINT_URL_S3'], make);
    expect(second).not.toBe(first);
    expect(second.endpoint).toBe('http://127.0.0.1:2222');
    expect(destroyed).toBe(1);
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:3333';
    const before = dynamoDbClient();
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:4444';
    expect(dynamoDbClient()).not.toBe(before);
  });
});
