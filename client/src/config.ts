/**
 * The deployment's endpoints come from `taskwire-outputs.json` (the shape of Amplify's
 * amplify_outputs.json), fetched at start from next to index.html: `npm start` serves the one the local
 * runtime wrote; a deployment copies its own there. Nothing about an environment is built in.
 */
import { Amplify } from 'aws-amplify';
import { parseAmplifyConfig } from 'aws-amplify/utils';
import { useRefreshTokenAuth } from './lib/refresh';

export interface Outputs {
  auth: { user_pool_id: string; user_pool_client_id: string; aws_region: string };
  data: { url: string };
  storage?: { bucket_name?: string };
  custom?: { cognitoEndpoint?: string; webUrl?: string | null; demoUsers?: { username: string; password: string }[] };
}

export let outputs: Outputs;

export async function loadOutputs(url = '/taskwire-outputs.json'): Promise<Outputs> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`Taskwire's configuration (${url}) could not be loaded (HTTP ${res.status}).`);
  outputs = (await res.json()) as Outputs;
  const config = parseAmplifyConfig(outputs as never);
  const endpoint = outputs.custom?.cognitoEndpoint;
  Amplify.configure({
    ...config,
    // Locally only: cognito-local's endpoint (the outputs format has no field for it).
    Auth: endpoint ? { ...config.Auth, Cognito: { ...config.Auth!.Cognito, userPoolEndpoint: endpoint } } : config.Auth,
  } as never);
  useRefreshTokenAuth();
  return outputs;
}
