/**
 * AWS SDK v3 clients for Taskwire's Lambda functions, created once per process. Endpoints come from the
 * SDK's standard variables (`AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`,
 * or `AWS_ENDPOINT_URL`), so the same code reaches AWS or the local services unchanged.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

let dynamo: DynamoDBClient | undefined;
let cognito: CognitoIdentityProviderClient | undefined;

export function dynamoDbClient(): DynamoDBClient {
  dynamo ??= new DynamoDBClient({});
  return dynamo;
}

export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient({});
  return cognito;
}

/** Tests that change endpoints between files drop the cached clients. */
export function resetClients(): void {
  dynamo?.destroy();
  cognito?.destroy();
  dynamo = undefined;
  cognito = undefined;
}
