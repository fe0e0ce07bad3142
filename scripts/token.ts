/**
 * `npm run -s token -- <email> [password]`: signs a user in against the running local runtime's
 * cognito-local (read from taskwire-outputs.json) and prints their access token — what the web client
 * and aws-amplify send as the `Authorization` header. Demo users' passwords come from the outputs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signIn } from '../packages/appsync-local/src/services/cognito-local.ts';
import { ROOT } from './lib/bundle-resolvers.ts';

const [email, given] = process.argv.slice(2);
const outputsPath = resolve(ROOT, process.env.TASKWIRE_OUTPUTS || 'taskwire-outputs.json');
let outputs: { auth: { user_pool_client_id: string }; custom: { cognitoEndpoint: string; demoUsers: { username: string; password: string }[] } };
try {
  outputs = JSON.parse(readFileSync(outputsPath, 'utf8'));
} catch {
  console.error(`token: ${outputsPath} not found — start the runtime first (npm start)`);
  process.exit(2);
}
if (!email) {
  console.error(`Usage: npm run -s token -- <email> [password]\nDemo users: ${outputs.custom.demoUsers.map((u) => u.username).join(', ')}`);
  process.exit(2);
}
const password = given ?? outputs.custom.demoUsers.find((u) => u.username === email)?.password;
if (!password) {
  console.error(`token: ${email} is not a demo user: pass the password too`);
  process.exit(2);
}
try {
  const tokens = await signIn(outputs.custom.cognitoEndpoint, outputs.auth.user_pool_client_id, email, password);
  console.log(tokens.accessToken);
} catch (err) {
  console.error(`token: sign-in failed: ${(err as Error).message}`);
  process.exit(1);
}
