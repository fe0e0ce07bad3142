/**
 * Taskwire's stacks, in deployment order: Web (bucket + CloudFront: the web URL everything else links
 * to), Stateful (table, attachments bucket, user pool), Stateless (API, functions, event side, alarms,
 * the client configuration). Used by app.ts directly and by each stage of the pipeline.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Stage, type Environment, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { TaskwireConfig } from './config.ts';
import { CLIENT_DIST, REPO_ROOT, type ApiManifest, type BundleSet, type LambdaDef } from './repo.ts';
import { StatefulStack } from '../stacks/stateful.ts';
import { StatelessStack } from '../stacks/stateless.ts';
import { WebStack } from '../stacks/web.ts';

export interface TaskwireStacksOptions {
  env?: Environment;
  /** The built client; default client/dist (built first when missing and the client workspace exists). */
  clientDist?: string;
  /** Overrides for tests: functions/manifest.ts entries, the API manifest, prebuilt bundles. */
  lambdas?: Record<string, LambdaDef>;
  manifest?: ApiManifest;
  bundles?: BundleSet;
  /** Stack names without the `Taskwire-<stage>-` prefix (inside a pipeline stage). */
  shortNames?: boolean;
}

export interface TaskwireStacks {
  web: WebStack;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/** client/dist, built with the client workspace's own build when it is missing. */
export function clientDist(): string {
  if (existsSync(join(CLIENT_DIST, 'index.html'))) return CLIENT_DIST;
  if (existsSync(join(REPO_ROOT, 'client', 'package.json'))) {
    process.stderr.write('client/dist is missing: building the web client (npm run build --workspace client)\n');
    execFileSync('npm', ['run', 'build', '--workspace', 'client'], { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, 'inherit'] });
    return CLIENT_DIST;
  }
  throw new Error('the web client is missing: there is no client/dist/index.html and no client workspace to build it from (or pass -c clientDist=<folder with index.html>)');
}

export function addTaskwireStacks(scope: Construct, config: TaskwireConfig, opts: TaskwireStacksOptions = {}): TaskwireStacks {
  const name = (part: string) => (opts.shortNames ? part : `Taskwire-${config.stage}-${part}`);
  const common = { env: opts.env, config, tags: undefined };
  const web = new WebStack(scope, name('Web'), { ...common, clientDist: opts.clientDist ?? clientDist(), description: `Taskwire ${config.stage}: web client (S3 + CloudFront)` });
  const stateful = new StatefulStack(scope, name('Stateful'), { ...common, webUrl: web.webUrl, description: `Taskwire ${config.stage}: table, attachments, users (retained)` });
  const stateless = new StatelessStack(scope, name('Stateless'), {
    ...common,
    description: `Taskwire ${config.stage}: API, functions, events, alarms`,
    table: stateful.table,
    bucket: stateful.bucket,
    userPool: stateful.userPool,
    webClient: stateful.webClient,
    webUrl: web.webUrl,
    ...(opts.lambdas ? { lambdas: opts.lambdas } : {}),
    ...(opts.manifest ? { manifest: opts.manifest } : {}),
    ...(opts.bundles ? { bundles: opts.bundles } : {}),
  });
  // Stateless names the others' resources by their physical names: it deploys after both.
  stateless.addStackDependency(stateful);
  stateless.addStackDependency(web);
  return { web, stateful, stateless };
}

/** One deployment of Taskwire as a pipeline stage (staging, production). */
export class TaskwireStage extends Stage {
  readonly stacks: TaskwireStacks;
  constructor(scope: Construct, id: string, props: StageProps & { config: TaskwireConfig; clientDist?: string }) {
    super(scope, id, props);
    this.stacks = addTaskwireStacks(this, props.config, { shortNames: true, ...(props.clientDist ? { clientDist: props.clientDist } : {}) });
  }
}
