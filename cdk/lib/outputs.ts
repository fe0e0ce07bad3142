/**
 * From the stateless stack's CloudFormation outputs to `taskwire-outputs.json`, in the shape the local
 * runtime writes (local/outputs.ts `deploymentOutputs`), so the client works against either.
 */
import { deploymentOutputs, type TaskwireOutputs } from './repo.ts';
import { ADMINS_GROUP } from '../stacks/stateful.ts';
import { ADDITIONAL_AUTH_MODES, DEFAULT_AUTH_MODE } from '../stacks/stateless.ts';

/** The CfnOutputs the stateless stack declares (stacks/stateless.ts). */
export const STACK_OUTPUTS = ['Region', 'GraphqlUrl', 'RealtimeUrl', 'UserPoolId', 'UserPoolClientId', 'AttachmentsBucket', 'WebUrl'] as const;

export function outputsFromStack(stackOutputs: Record<string, string>): TaskwireOutputs {
  const missing = STACK_OUTPUTS.filter((k) => !stackOutputs[k]);
  if (missing.length > 0) throw new Error(`the stateless stack's outputs lack ${missing.join(', ')}`);
  const o = stackOutputs as Record<(typeof STACK_OUTPUTS)[number], string>;
  return deploymentOutputs({
    region: o.Region,
    graphqlUrl: o.GraphqlUrl,
    realtimeUrl: o.RealtimeUrl,
    defaultAuthMode: DEFAULT_AUTH_MODE,
    additionalAuthModes: [...ADDITIONAL_AUTH_MODES],
    userPoolId: o.UserPoolId,
    userPoolClientId: o.UserPoolClientId,
    groups: [ADMINS_GROUP],
    webUrl: o.WebUrl,
    bucketName: o.AttachmentsBucket,
  });
}
