/**
 * Local AWS services. Each one is a module here that starts a real local implementation (or a small
 * faithful one) and returns a handle with `endpoint` and `stop()`. New services (EventBridge, Scheduler,
 * SNS, SES, DynamoDB Streams delivery) plug in the same way: add `services/<name>.ts` exporting
 * `start<Name>Local(options): Promise<LocalService & …>` and list it in `SERVICES` below.
 */

/** What every started local service gives its caller. */
export interface LocalService {
  /** Base URL an SDK v3 client is pointed at (AWS_ENDPOINT_URL_<SERVICE>). */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** The services this package can start, by the AWS_ENDPOINT_URL_<SERVICE> suffix they answer. */
export const SERVICES = {
  DYNAMODB: './dynamodb-local.ts',
  COGNITO_IDENTITY_PROVIDER: './cognito-local.ts',
  S3: './s3-local.ts',
} as const;

export * from './ports.ts';
export * from './dynamodb-local.ts';
export {
  startCognitoLocal,
  ensureUserPool,
  signIn,
  cognitoClient,
  recoverStore,
  type CognitoLocal,
  type CognitoLocalOptions,
  type DemoUser,
  type EnsureUserPoolOptions,
  type UserPoolInfo,
  type Tokens,
} from './cognito-local.ts';
export * from './s3-local.ts';
export * from './tls.ts';
