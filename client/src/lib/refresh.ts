/**
 * How the session refreshes itself: Cognito's InitiateAuth with REFRESH_TOKEN_AUTH, in place of
 * Amplify's default refresher (GetTokensFromRefreshToken, an API cognito-local does not serve: with it,
 * every session ended at the access token's expiry locally). REFRESH_TOKEN_AUTH is served by Cognito and
 * cognito-local alike, so one code path runs in both places; it requires that the app client does not
 * rotate refresh tokens (cdk/stacks/stateful.ts does not enable rotation). Amplify still decides when
 * to refresh, stores the tokens and reports failures (`tokenRefresh_failure` → back to sign-in).
 */
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';

/** A JWT as Amplify keeps it (the decoded payload, the encoded token as its string). */
function decodeJWT(token: string) {
  const part = token.split('.')[1] ?? '';
  const json = decodeURIComponent(
    Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
  );
  return { payload: JSON.parse(json) as Record<string, any> & { iat?: number; exp?: number }, toString: () => token };
}

type Refresher = Parameters<typeof cognitoUserPoolsTokenProvider.tokenOrchestrator.setTokenRefresher>[0];

let inflight: ReturnType<Refresher> | null = null;

const refresh: Refresher = async ({ tokens, authConfig, username }) => {
  const cognito = authConfig?.Cognito;
  if (!cognito || !tokens.refreshToken) throw Object.assign(new Error('There is no session to refresh.'), { name: 'NotAuthorizedException' });
  const region = (cognito.userPoolId ?? '').split('_')[0];
  const endpoint = cognito.userPoolEndpoint ?? `https://cognito-idp.${region}.amazonaws.com/`;
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: cognito.userPoolClientId, AuthParameters: { REFRESH_TOKEN: tokens.refreshToken } }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    AuthenticationResult?: { AccessToken?: string; IdToken?: string; RefreshToken?: string };
    __type?: string;
    message?: string;
  };
  const result = body.AuthenticationResult;
  if (!res.ok || !result?.AccessToken) {
    // Amplify tells authentication failures (NotAuthorizedException: sign in again) from transient ones by name.
    const name = (body.__type ?? '').split('#').pop() || (res.status >= 500 ? 'InternalErrorException' : 'NotAuthorizedException');
    throw Object.assign(new Error(body.message ?? `The session could not be refreshed (HTTP ${res.status}).`), { name });
  }
  const accessToken = decodeJWT(result.AccessToken);
  const iat = accessToken.payload.iat ?? Math.floor(Date.now() / 1000);
  return {
    accessToken,
    idToken: result.IdToken ? decodeJWT(result.IdToken) : undefined,
    refreshToken: result.RefreshToken ?? tokens.refreshToken,
    // As Amplify computes it: the difference between the issuer's clock and this one.
    clockDrift: iat * 1000 - Date.now(),
    username,
  };
};

/** Installs the refresher; concurrent requests that all find the token expired share one refresh. */
export function useRefreshTokenAuth(): void {
  cognitoUserPoolsTokenProvider.tokenOrchestrator.setTokenRefresher((args) => {
    inflight ??= refresh(args).finally(() => (inflight = null));
    return inflight;
  });
}
