/**
 * The launcher describes the runtime it started in the shape of amplify_outputs.json
 * (taskwire-outputs.json): endpoints, the user pool, auth modes, the demo users and the local IAM
 * credentials.
 */
import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../../support/runtime.ts';
import { LOCAL_IAM_CREDENTIALS } from '../../../local/start.ts';

const rt = useLocalRuntime();

describe('start-up', () => {
  it('describes the runtime in the shape of amplify_outputs.json', () => {
    const { outputs, urls, pool } = rt.runtime;
    expect(outputs.version).toBe('1.4');
    expect(outputs.auth).toMatchObject({ aws_region: 'us-east-1', user_pool_id: pool.userPoolId, user_pool_client_id: pool.clientId, groups: [{ Admins: { precedence: 0 } }] });
    expect(outputs.data).toEqual({ url: urls.graphql, aws_region: 'us-east-1', default_authorization_type: 'AMAZON_COGNITO_USER_POOLS', authorization_types: ['AWS_LAMBDA', 'AWS_IAM'] });
    expect(outputs.custom).toMatchObject({ cognitoEndpoint: urls.cognito, endpoints: { appsync: urls.graphql, 'cognito-idp': urls.cognito, dynamodb: urls.dynamodb } });
    expect((outputs.custom.demoUsers as { groups: string[] }[]).map((u) => u.groups)).toEqual([['Admins'], [], [], []]);
    expect(outputs.custom.iamCredentials).toEqual({ accessKeyId: LOCAL_IAM_CREDENTIALS.accessKeyId, secretAccessKey: LOCAL_IAM_CREDENTIALS.secretAccessKey });
  });
});
