import { Refusal } from '../refusal.ts';

/**
 * The refusals AppSync sends when a request's credentials do not pass, shared by the HTTP server and
 * the WebSocket server (connect and per-`start` auth; docs/appsync-wire.md, "Real-time").
 *
 * AppSync answers an auth failure before any GraphQL runs, with an HTTP status and a body of the form
 * `{"errors":[{"errorType":"UnauthorizedException","message":"..."}]}`. The messages below are the ones
 * AppSync is seen to send (quoted in aws-amplify issues #4373, #8892, aws-appsync-community #372).
 */
export const MESSAGES = {
  /** No credentials for any configured mode, or a token the mode does not accept. */
  noValidHeader: 'Valid authorization header not provided.',
  /** A Lambda authorizer said no (or failed), or an API key is unknown/expired. */
  notAuthorized: 'You are not authorized to make this call.',
  /** A Cognito/OIDC JWT past its `exp`. */
  tokenExpired: 'Token has expired.',
  /** Something that looks like a JWT but does not decode. */
  unparsableJwt: 'Unable to parse JWT token.',
  /** SigV4 errors use the wording of the other AWS services (AppSync answers 403 for them). */
  badSignature:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  unknownAccessKey: 'The security token included in the request is invalid.',
} as const;

export { Refusal, type RefusalBody } from '../refusal.ts';

export const unauthorized = (message: string = MESSAGES.notAuthorized): Refusal => new Refusal(message);

/** SigV4 failures: AWS answers 403 with the error type in `x-amzn-ErrorType` and the body. */
export const forbidden = (errorType: string, message: string): Refusal => new Refusal(message, errorType, 403);
