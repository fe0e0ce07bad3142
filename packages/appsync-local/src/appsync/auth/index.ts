/**
 * Turns a request's credentials into an AppSync identity, choosing the auth mode the way AppSync does:
 *   1. an `x-api-key` header, when API_KEY is enabled → API_KEY;
 *   2. an `Authorization` header starting with `AWS4-HMAC-SHA256`, when AWS_IAM is enabled → AWS_IAM;
 *   3. an `Authorization` value shaped like a JWT, when Cognito user pools are enabled → Cognito
 *      (AppSync sends JWTs to the user pool/OIDC provider, never to the Lambda authorizer);
 *   4. any other `Authorization` value, when AWS_LAMBDA is enabled → the Lambda authorizer;
 *   5. nothing usable → 401 "Valid authorization header not provided."
 * Refusals are thrown as `Refusal` (status + AppSync's error body) for the HTTP and WebSocket
 * servers to send as they are.
 */
import type { AuthMode, Authenticator } from '../types.ts';

export type { Authenticator, AuthRequest, AuthRequestContext, RequestHeaders } from '../types.ts';
import { createApiKeyVerifier, type ApiKeyConfig } from './apikey.ts';
import { createCognitoVerifier, looksLikeJwt, type CognitoAuthConfig } from './cognito.ts';
import { MESSAGES, unauthorized } from './errors.ts';
import { createIamVerifier, SIGV4_ALGORITHM, type IamAuthConfig } from './iam.ts';
import { createLambdaAuthorizer, type LambdaAuthConfig, type LambdaAuthorizer } from './lambda.ts';
import { header, sourceIps } from './request.ts';

export { Refusal, MESSAGES, type RefusalBody } from './errors.ts';
export { cognitoGroupsAllow, type CognitoAuthConfig } from './cognito.ts';
export { signRequest, type LocalCredentials, type IamAuthConfig, type SigningCredentials } from './iam.ts';
export type { LambdaAuthConfig, LambdaAuthorizer, LambdaAuthorizerEvent, LambdaAuthorizerHandler, LambdaAuthorizerResponse } from './lambda.ts';
export type { ApiKeyConfig } from './apikey.ts';

export interface AuthenticatorConfig {
  defaultMode: AuthMode;
  additionalModes: AuthMode[];
  cognito?: CognitoAuthConfig;
  lambda?: LambdaAuthConfig;
  iam?: IamAuthConfig;
  apiKeys?: ApiKeyConfig[];
}

/** The authenticator createAuthenticator builds: the enabled modes and the Lambda authorizer with it. */
export interface LocalAuthenticator extends Authenticator {
  /** The enabled modes, default first. */
  readonly modes: readonly AuthMode[];
  /** The Lambda authorizer (for invalidate/clear), when AWS_LAMBDA is enabled. */
  readonly lambda?: LambdaAuthorizer;
}

/** Checks the configuration once, with a message naming what is missing. */
function validate(config: AuthenticatorConfig): AuthMode[] {
  const modes = [config.defaultMode, ...config.additionalModes];
  const seen = new Set<AuthMode>();
  for (const m of modes) {
    // AppSync allows several user pools/OIDC providers, but this runtime takes one of each.
    if (seen.has(m)) throw new Error(`auth config: ${m} is listed twice (default and additional modes must differ)`);
    seen.add(m);
  }
  if (seen.has('AMAZON_COGNITO_USER_POOLS') && !config.cognito) throw new Error('auth config: AMAZON_COGNITO_USER_POOLS needs `cognito`');
  if (seen.has('AWS_LAMBDA') && !config.lambda) throw new Error('auth config: AWS_LAMBDA needs `lambda`');
  if (seen.has('AWS_IAM') && !config.iam) throw new Error('auth config: AWS_IAM needs `iam`');
  if (seen.has('API_KEY') && !config.apiKeys?.length) throw new Error('auth config: API_KEY needs `apiKeys`');
  if (seen.has('OPENID_CONNECT')) throw new Error('auth config: OPENID_CONNECT is not supported by the local runtime');
  return modes;
}

export function createAuthenticator(config: AuthenticatorConfig): LocalAuthenticator {
  const modes = validate(config);
  const enabled = (m: AuthMode) => modes.includes(m);
  const apiKeys = enabled('API_KEY') ? createApiKeyVerifier(config.apiKeys ?? []) : undefined;
  const cognito = enabled('AMAZON_COGNITO_USER_POOLS') && config.cognito ? createCognitoVerifier(config.cognito) : undefined;
  const iam = enabled('AWS_IAM') && config.iam ? createIamVerifier(config.iam) : undefined;
  const lambda = enabled('AWS_LAMBDA') && config.lambda ? createLambdaAuthorizer(config.lambda) : undefined;

  return {
    modes,
    lambda,
    async authenticate(req, ctx = {}) {
      const ips = sourceIps(req.headers, req.sourceIp);
      const apiKey = header(req.headers, 'x-api-key');
      if (apiKey !== undefined && apiKeys) return apiKeys.verify(apiKey);

      const authorization = header(req.headers, 'authorization')?.trim();
      if (authorization) {
        if (iam && authorization.startsWith(SIGV4_ALGORITHM)) {
          return { mode: 'AWS_IAM', identity: await iam.verify({ ...req, sourceIp: ips }) };
        }
        if (cognito && looksLikeJwt(authorization)) {
          return { mode: 'AMAZON_COGNITO_USER_POOLS', identity: await cognito.verify(authorization, ips) };
        }
        if (lambda) {
          return lambda.authorize(authorization, { headers: req.headers, ...ctx });
        }
      }
      throw unauthorized(MESSAGES.noValidHeader);
    },
  };
}
