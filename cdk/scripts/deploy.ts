/**
 * `npm run deploy [-- <cdk deploy options, e.g. -c stage=prod>]`: builds the web client, deploys every
 * stack with the AWS credentials of the environment (AWS_PROFILE, …), then writes taskwire-outputs.json
 * at the repository root from the stateless stack's outputs, in the local runtime's shape.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, writeOutputs } from '../lib/repo.ts';
import { outputsFromStack } from '../lib/outputs.ts';

const cdkDir = join(REPO_ROOT, 'cdk');
const outputsFile = join(cdkDir, 'cdk.out', 'deploy-outputs.json');
const args = process.argv.slice(2);

if (existsSync(join(REPO_ROOT, 'client', 'package.json'))) {
  console.log('building the web client…');
  execFileSync('npm', ['run', 'build', '--workspace', 'client'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
execFileSync('npx', ['cdk', 'deploy', '--all', '--outputs-file', outputsFile, ...args], { cwd: cdkDir, stdio: 'inherit' });

const all = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
const stateless = Object.entries(all).filter(([name]) => name.endsWith('-Stateless'));
if (stateless.length !== 1) throw new Error(`expected one Taskwire-<stage>-Stateless stack in ${outputsFile}, found ${stateless.map(([n]) => n).join(', ') || 'none'}`);
const [name, outputs] = stateless[0]!;
const target = join(REPO_ROOT, process.env.TASKWIRE_OUTPUTS || 'taskwire-outputs.json');
writeOutputs(target, outputsFromStack(outputs));
console.log(`${name}: wrote ${target}; the web client is at ${outputs.WebUrl}`);
