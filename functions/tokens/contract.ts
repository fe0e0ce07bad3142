/**
 * What the `tokens` function takes and answers: the Invoke payload createIntegrationToken's Lambda step
 * sends (resolvers/Mutation.createIntegrationToken.generate.ts) and the token it gets back. Types only,
 * so the APPSYNC_JS resolvers and the handler import the same contract.
 */
export interface TokensEvent {
  projectId: string;
}

export interface GeneratedToken {
  tokenId: string;
  secret: string;
  secretHash: string;
  prefix: string;
  /** The bearer string `twk_<projectId>_<tokenId>_<secret>`. */
  token: string;
}
