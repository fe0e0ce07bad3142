/**
 * `npm run index-projects`: lists the projects of a local data folder made before the project
 * directory existed (docs/access-patterns.md, "The project directory"), so adminProjects shows them.
 * Runs the `workers` function's `indexProjects` operation — the same code a deployed stage runs once
 * (invoke the workers Lambda with `{"operation":"indexProjects"}` until it answers `done: true`) —
 * against the running runtime's DynamoDB Local (read from taskwire-outputs.json). Idempotent.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexProjects } from '../functions/workers/indexProjects.ts';
import { LOCAL_TABLE_NAME } from '../model/table.ts';
import { ROOT } from './lib/bundle-resolvers.ts';

const outputsPath = resolve(ROOT, process.env.TASKWIRE_OUTPUTS || 'taskwire-outputs.json');
let outputs: { auth: { aws_region: string }; custom: { endpoints: { dynamodb: string }; iamCredentials: { accessKeyId: string; secretAccessKey: string } } };
try {
  outputs = JSON.parse(readFileSync(outputsPath, 'utf8'));
} catch {
  console.error(`index-projects: ${outputsPath} not found — start the runtime first (npm start)`);
  process.exit(2);
}
Object.assign(process.env, {
  TABLE_NAME: LOCAL_TABLE_NAME,
  AWS_REGION: outputs.auth.aws_region,
  AWS_ACCESS_KEY_ID: outputs.custom.iamCredentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: outputs.custom.iamCredentials.secretAccessKey,
  AWS_ENDPOINT_URL_DYNAMODB: outputs.custom.endpoints.dynamodb,
});
let startKey: Record<string, unknown> | undefined;
const total = { projects: 0, indexed: 0, skipped: 0 };
for (;;) {
  const r = await indexProjects({ startKey });
  total.projects += r.projects;
  total.indexed += r.indexed;
  total.skipped += r.skipped;
  if (r.done) break;
  startKey = r.startKey;
}
console.log(`index-projects: ${total.projects} projects, ${total.indexed} listed, ${total.skipped} changed meanwhile (listed by their own write)`);
process.exit(0);
