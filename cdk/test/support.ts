/**
 * Test support: synthesizes Taskwire's app once (per test file, in beforeAll) with cdk-nag's
 * AwsSolutions checks, a stand-in web client (a folder with an index.html) and optional extra
 * functions/manifest.ts entries, and hands back each stack's template.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from '../lib/config.ts';
import { lambdas, type LambdaDef } from '../lib/repo.ts';
import { addTaskwireStacks, type TaskwireStacks } from '../lib/taskwire.ts';

export interface Synthesized {
  app: App;
  stacks: TaskwireStacks;
  web: Template;
  stateful: Template;
  stateless: Template;
  /** The cloud assembly's folder (assets are staged there). */
  outdir: string;
}

export function standInClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'taskwire-client-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Taskwire</title><div id="app"></div>');
  return dir;
}

export function synthesize(opts: { extraLambdas?: Record<string, LambdaDef>; bundleLambdas?: boolean; context?: Record<string, unknown> } = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'taskwire-cdk-out-'));
  const app = new App({
    outdir,
    // Bundling every Lambda takes most of a synthesis: skipped unless the test needs the code.
    context: { ...(opts.bundleLambdas ? {} : { 'aws:cdk:bundling-stacks': [] }), ...opts.context },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stacks = addTaskwireStacks(app, readConfig(app.node), {
    clientDist: standInClient(),
    ...(opts.extraLambdas ? { lambdas: { ...lambdas, ...opts.extraLambdas } } : {}),
  });
  return {
    app,
    stacks,
    web: Template.fromStack(stacks.web),
    stateful: Template.fromStack(stacks.stateful),
    stateless: Template.fromStack(stacks.stateless),
    outdir,
  };
}
