/**
 * `taskwire-outputs.json`: the one configuration file every client reads, in the shape of Amplify Gen 2's
 * `amplify_outputs.json` (schema version 1.4) so `Amplify.configure(outputs)` takes it as it is, with
 * what only exists locally under `custom`. The CDK deployment writes `deploymentOutputs`, the same shape
 * without the local extras.
 */
import { writeFileSync, renameSync } from 'node:fs';
import type { AuthMode } from '../packages/appsync-local/src/appsync/types.ts';

/** What every deployment's outputs hold, local or on AWS (the CDK deployment writes only these). */
export interface DeploymentOutputsInput {
  region: string;
  graphqlUrl: string;
  realtimeUrl: string;
  defaultAuthMode: AuthMode;
  additionalAuthModes: AuthMode[];
  userPoolId: string;
  userPoolClientId: string;
  groups: string[];
  webUrl: string | null;
  bucketName: string;
}

/** A local run's outputs: a deployment's, with the local services' endpoints and credentials under `custom`. */
export interface OutputsInput extends DeploymentOutputsInput {
  evaluateCodeEndpoint: string;
  cognitoEndpoint: string;
  dynamoDbEndpoint: string;
  caCertificatePath: string;
  s3Endpoint: string;
  /** The local event services (absent in runtimes started without them). */
  eventEndpoints?: { eventbridge: string; scheduler: string; sns: string; sesv2: string; sesWeb: string; snsMessages: string; eventBridgeEvents: string };
  demoUsers: { username: string; password: string; groups: string[] }[];
  /** What SDK clients sign IAM requests with locally (EvaluateCode, AWS_IAM on /graphql). */
  iamCredentials: { accessKeyId: string; secretAccessKey: string };
}

export interface TaskwireOutputs {
  version: '1.4';
  auth: Record<string, unknown>;
  data: Record<string, unknown>;
  storage: Record<string, unknown>;
  custom: Record<string, unknown>;
}

/** The outputs of a deployment (the CDK app's `npm run deploy` writes exactly this; `custom` has the web URL). */
export function deploymentOutputs(o: DeploymentOutputsInput): TaskwireOutputs {
  return {
    version: '1.4',
    auth: {
      aws_region: o.region,
      user_pool_id: o.userPoolId,
      user_pool_client_id: o.userPoolClientId,
      password_policy: { min_length: 8, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: false },
      standard_required_attributes: ['email'],
      username_attributes: ['email'],
      user_verification_types: ['email'],
      unauthenticated_identities_enabled: false,
      mfa_configuration: 'NONE',
      mfa_methods: [],
      groups: o.groups.map((name, precedence) => ({ [name]: { precedence } })),
    },
    data: {
      url: o.graphqlUrl,
      aws_region: o.region,
      default_authorization_type: o.defaultAuthMode,
      authorization_types: o.additionalAuthModes,
    },
    storage: {
      aws_region: o.region,
      bucket_name: o.bucketName,
      buckets: [{ name: o.bucketName, bucket_name: o.bucketName, aws_region: o.region }],
    },
    custom: {
      endpoints: { appsync: o.graphqlUrl, appsyncRealtime: o.realtimeUrl },
      webUrl: o.webUrl,
    },
  };
}

export function buildOutputs(o: OutputsInput): TaskwireOutputs {
  const outputs = deploymentOutputs(o);
  outputs.custom = {
    cognitoEndpoint: o.cognitoEndpoint,
    evaluateCodeEndpoint: o.evaluateCodeEndpoint,
    endpoints: {
      appsync: o.graphqlUrl,
      appsyncRealtime: o.realtimeUrl,
      appsyncEvaluateCode: o.evaluateCodeEndpoint,
      'cognito-idp': o.cognitoEndpoint,
      dynamodb: o.dynamoDbEndpoint,
      s3: o.s3Endpoint,
      ...(o.eventEndpoints
        ? {
            events: o.eventEndpoints.eventbridge,
            scheduler: o.eventEndpoints.scheduler,
            sns: o.eventEndpoints.sns,
            sesv2: o.eventEndpoints.sesv2,
            // For people: the mail sent, what was published, the events put.
            sesWeb: o.eventEndpoints.sesWeb,
            snsMessages: o.eventEndpoints.snsMessages,
            eventBridgeEvents: o.eventEndpoints.eventBridgeEvents,
          }
        : {}),
    },
    webUrl: o.webUrl,
    caCertificate: o.caCertificatePath,
    demoUsers: o.demoUsers,
    iamCredentials: { accessKeyId: o.iamCredentials.accessKeyId, secretAccessKey: o.iamCredentials.secretAccessKey },
  };
  return outputs;
}

/** Written atomically (a client reading it never sees half a file). */
export function writeOutputs(path: string, outputs: TaskwireOutputs): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(outputs, null, 2)}\n`);
  renameSync(tmp, path);
}
