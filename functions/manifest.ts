/**
 * Taskwire's Lambda functions, by name: read by the CDK app (one NodejsFunction each) and by the local
 * runtime (which imports `entry` and calls its `handler` in-process, as AppSync or EventBridge would).
 */
export interface LambdaDef {
  /** Module exporting `handler`, relative to the repository root. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  /** Access the function needs to the single table. */
  table: 'none' | 'read' | 'readWrite';
}

export const lambdas = {} as const satisfies Record<string, LambdaDef>;

export type LambdaName = keyof typeof lambdas;

/** The AppSync Lambda authorizer (AWS_LAMBDA auth mode): resolves integration tokens. */
export const AUTHORIZER: LambdaName | null = null;
