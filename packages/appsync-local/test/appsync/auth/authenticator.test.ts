import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Refusal, createAuthenticator, MESSAGES, signRequest, type Authenticator } from '../../../src/appsync/auth/index.ts';
import type { LambdaAuthorizerEvent } from '../../../src/appsync/auth/lambda.ts';
import { startTestCognito, type TestCognito } from '../../support/cognito.ts';

const REGION = 'us-east-1';
const lambdaCred = {
  accessKeyId: 'AKIDLOCALLAMBDA',
  secretAccessKey: 'local-lambda-secret-0123456789',
  accountId: '000000000000',
  userArn: 'arn:aws:sts::000000000000:assumed-role/taskwire-notify/notify',
};
const API_KEY = 'da2-localkey00000000000000';
const body = JSON.stringify({ query: '{ me { id } }' });

let cognito: TestCognito;
let auth: Authenticator;
const lambdaEvents: LambdaAuthorizerEvent[] = [];

beforeAll(async () => {
  cognito = await startTestCognito();
  auth = createAuthenticator({
    defaultMode: 'AMAZON_COGNITO_USER_POOLS',
    additionalModes: ['AWS_LAMBDA', 'AWS_IAM', 'API_KEY'],
    cognito: { issuer: cognito.issuer, clientIds: [cognito.clientId] },
    lambda: {
      handler: async (event) => {
        lambdaEvents.push(event);
        return event.authorizationToken === 'twk_read_p1'
          ? { isAuthorized: true, resolverContext: { projectId: 'p1', scope: 'READ' }, ttlOverride: 0 }
          : { isAuthorized: false };
      },
    },
    iam: { region: REGION, credentials: [lambdaCred] },
    apiKeys: [{ id: API_KEY, expires: Math.floor(Date.now() / 1000) + 3600 }],
  });
});
afterAll(async () => {
  await cognito?.stop();
});

const req = (headers: Record<string, string>) => ({ headers: { host: 'localhost:4000', ...headers }, method: 'POST', path: '/graphql', body, sourceIp: '127.0.0.1' });

async function refusal(p: Promise<unknown>): Promise<Refusal> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(Refusal);
  return e as Refusal;
}

describe('mode selection', () => {
  it('a Cognito access token → AMAZON_COGNITO_USER_POOLS with sourceIp from X-Forwarded-For then the peer', async () => {
    const { accessToken } = await cognito.signIn('admin');
    const r = await auth.authenticate(req({ authorization: accessToken, 'x-forwarded-for': '198.51.100.1, 10.0.0.2' }));
    expect(r.mode).toBe('AMAZON_COGNITO_USER_POOLS');
    expect(r.identity).toMatchObject({ groups: ['Admins'], issuer: cognito.issuer, sourceIp: ['198.51.100.1', '10.0.0.2', '127.0.0.1'] });
  });

  it('an opaque token → the Lambda authorizer, with the GraphQL request in its event', async () => {
    const r = await auth.authenticate(req({ authorization: 'twk_read_p1' }), { operationName: 'Q', queryString: 'query Q { me { id } }', variables: { a: 1 } });
    expect(r).toEqual({ mode: 'AWS_LAMBDA', identity: { resolverContext: { projectId: 'p1', scope: 'READ' } }, deniedFields: [], ttlOverride: 0 });
    expect(lambdaEvents.at(-1)?.requestContext).toMatchObject({ operationName: 'Q', queryString: 'query Q { me { id } }', variables: { a: 1 } });
  });

  it('a JWT never reaches the Lambda authorizer, even when the pool refuses it', async () => {
    const before = lambdaEvents.length;
    const { accessToken } = await cognito.signIn('alice');
    const [h, p] = accessToken.split('.');
    const r = await refusal(auth.authenticate(req({ authorization: `${h}.${p}.AAAA` })));
    expect(r.body()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: MESSAGES.noValidHeader }] });
    expect(lambdaEvents.length).toBe(before);
  });

  it('a SigV4 Authorization → AWS_IAM', async () => {
    const headers = await signRequest({ url: 'https://localhost:4000/graphql', method: 'POST', body, headers: { 'content-type': 'application/json' } }, lambdaCred, { region: REGION });
    const r = await auth.authenticate({ headers, method: 'POST', path: '/graphql', body, sourceIp: '127.0.0.1' });
    expect(r.mode).toBe('AWS_IAM');
    expect(r.identity).toMatchObject({ userArn: lambdaCred.userArn, accountId: '000000000000', sourceIp: ['127.0.0.1'] });
  });

  it('x-api-key → API_KEY', async () => {
    expect(await auth.authenticate(req({ 'x-api-key': API_KEY }))).toEqual({ mode: 'API_KEY', identity: null });
    const r = await refusal(auth.authenticate(req({ 'x-api-key': 'da2-wrong' })));
    expect(r.message).toBe(MESSAGES.notAuthorized);
  });

  it('no credentials → 401 "Valid authorization header not provided."', async () => {
    const r = await refusal(auth.authenticate(req({})));
    expect([r.statusCode, r.body()]).toEqual([401, { errors: [{ errorType: 'UnauthorizedException', message: MESSAGES.noValidHeader }] }]);
  });

  it('a refused Lambda token → 401 "You are not authorized to make this call."', async () => {
    const r = await refusal(auth.authenticate(req({ authorization: 'twk_revoked' })));
    expect([r.statusCode, r.message]).toEqual([401, MESSAGES.notAuthorized]);
  });

  it('a mode that is not enabled is not used', async () => {
    const cognitoOnly = createAuthenticator({
      defaultMode: 'AMAZON_COGNITO_USER_POOLS',
      additionalModes: [],
      cognito: { issuer: cognito.issuer, clientIds: [cognito.clientId] },
    });
    expect((await refusal(cognitoOnly.authenticate(req({ 'x-api-key': API_KEY })))).message).toBe(MESSAGES.noValidHeader);
    expect((await refusal(cognitoOnly.authenticate(req({ authorization: 'twk_read_p1' })))).message).toBe(MESSAGES.noValidHeader);
    const { idToken } = await cognito.signIn('bob');
    expect((await cognitoOnly.authenticate(req({ authorization: idToken }))).mode).toBe('AMAZON_COGNITO_USER_POOLS');
  });

  it('rejects an incomplete configuration at creation', () => {
    expect(() => createAuthenticator({ defaultMode: 'AWS_LAMBDA', additionalModes: [] })).toThrow(/AWS_LAMBDA needs/);
    expect(() => createAuthenticator({ defaultMode: 'API_KEY', additionalModes: ['API_KEY'], apiKeys: [{ id: 'k', expires: 1 }] })).toThrow(/twice/);
  });
});
