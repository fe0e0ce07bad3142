/**
 * AWS SDK v3 clients for Taskwire's Lambda functions. Endpoints come from the SDK's standard variables
 * (`AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`, `AWS_ENDPOINT_URL_S3`,
 * `AWS_ENDPOINT_URL_EVENTBRIDGE`, `AWS_ENDPOINT_URL_SCHEDULER`, `AWS_ENDPOINT_URL_SNS`, `AWS_ENDPOINT_URL_SESV2`, or
 * `AWS_ENDPOINT_URL`), so the same code reaches AWS or the local services unchanged.
 *
 * One client per process, as in a warm Lambda container; a client is made again when the environment
 * it was configured from changes (the local runtime, running functions in-process, points them at new
 * endpoints when it is started again in the same process — benchmarks, tests).
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';

interface Destroyable {
  destroy(): void;
}

const cache = new Map<string, { key: string; client: Destroyable }>();

/** What every client's configuration depends on. */
const SHARED_ENV = ['AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL'];

/** The client cached under `name`, made again (the old one destroyed) when `env` variables changed. */
export function cachedClient<T extends Destroyable>(name: string, env: string[], create: () => T): T {
  const key = [...SHARED_ENV, ...env].map((n) => process.env[n] ?? '').join('\n');
  const hit = cache.get(name);
  if (hit && hit.key === key) return hit.client as T;
  hit?.client.destroy();
  const client = create();
  cache.set(name, { key, client });
  return client;
}

export function dynamoDbClient(): DynamoDBClient {
  return cachedClient('dynamodb', ['AWS_ENDPOINT_URL_DYNAMODB'], () => new DynamoDBClient({}));
}

export function cognitoClient(): CognitoIdentityProviderClient {
  return cachedClient('cognito', ['AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER'], () => new CognitoIdentityProviderClient({}));
}

export function eventBridgeClient(): EventBridgeClient {
  return cachedClient('eventbridge', ['AWS_ENDPOINT_URL_EVENTBRIDGE'], () => new EventBridgeClient({}));
}

export function schedulerClient(): SchedulerClient {
  return cachedClient('scheduler', ['AWS_ENDPOINT_URL_SCHEDULER'], () => new SchedulerClient({}));
}

export function snsClient(): SNSClient {
  return cachedClient('sns', ['AWS_ENDPOINT_URL_SNS'], () => new SNSClient({}));
}

export function sesClient(): SESv2Client {
  return cachedClient('sesv2', ['AWS_ENDPOINT_URL_SESV2'], () => new SESv2Client({}));
}

/** Drops every cached client (tests that change endpoints between files). */
export function resetClients(): void {
  for (const { client } of cache.values()) client.destroy();
  cache.clear();
}
