/** The optional pipeline stack (`-c pipeline=true`), synthesized once without bundling Lambda code. */
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../lib/config.ts';
import { PipelineStack } from '../stacks/pipeline.ts';
import { standInClient } from './support.ts';

const context = {
  'aws:cdk:bundling-stacks': [],
  pipeline: 'true',
  pipelineConnectionArn: 'arn:aws:codeconnections:eu-west-1:111111111111:connection/00000000-0000-0000-0000-000000000000',
  pipelineRepository: 'example/taskwire',
  alarmEmail: 'ops@example.com',
};
let template: Template;
let stack: PipelineStack;

beforeAll(() => {
  const app = new App({ context });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const config = readConfig(app.node);
  stack = new PipelineStack(app, 'Taskwire-dev-Pipeline', { config: { ...config, pipeline: config.pipeline! }, clientDist: standInClient() });
  template = Template.fromStack(stack);
});

type Stage = { Name: string; Actions: { Name: string; ActionTypeId: { Category: string; Provider: string }; Configuration?: Record<string, unknown>; RunOrder?: number }[] };
const stages = (): Stage[] => (Object.values(template.findResources('AWS::CodePipeline::Pipeline'))[0] as { Properties: { Stages: Stage[] } }).Properties.Stages;

describe('the pipeline', () => {
  it('is off unless asked for, and then needs a connection and a repository', () => {
    expect(readConfig(new App().node).pipeline).toBeUndefined();
    expect(() => readConfig(new App({ context: { pipeline: 'true' } }).node)).toThrow(ConfigError);
  });

  it('takes its source from the connection to the repository', () => {
    const source = stages()[0]!.Actions[0]!;
    expect(source.ActionTypeId).toMatchObject({ Category: 'Source', Provider: 'CodeStarSourceConnection' });
    expect(source.Configuration).toMatchObject({ ConnectionArn: context.pipelineConnectionArn, FullRepositoryId: 'example/taskwire', BranchName: 'main' });
  });

  it('synthesizes after npm ci and npm test', () => {
    const project = Object.values(template.findResources('AWS::CodeBuild::Project')).find((p) => JSON.stringify(p).includes('npm run synth')) as { Properties: { Source: { BuildSpec: string } } };
    const spec = JSON.parse(project.Properties.Source.BuildSpec) as { phases: { build: { commands: string[] } } };
    const commands = spec.phases.build.commands;
    expect(commands.slice(0, 2)).toEqual(['npm ci', 'npm test']);
    expect(commands[2]).toMatch(/^npm run synth -- -c pipeline=true /);
  });

  it('deploys staging, then waits for a manual approval before production', () => {
    const names = stages().map((s) => s.Name);
    expect(names.indexOf('Staging')).toBeGreaterThan(0);
    expect(names.indexOf('Production')).toBeGreaterThan(names.indexOf('Staging'));
    const production = stages().find((s) => s.Name === 'Production')!;
    const approval = production.Actions.find((a) => a.ActionTypeId.Category === 'Approval')!;
    const firstDeploy = Math.min(...production.Actions.filter((a) => a.ActionTypeId.Category === 'Deploy').map((a) => a.RunOrder ?? 1));
    expect(approval.RunOrder ?? 1).toBeLessThan(firstDeploy);
  });

  it('notifies the alarm address when an execution fails', () => {
    template.hasResourceProperties('AWS::CodeStarNotifications::NotificationRule', {
      EventTypeIds: Match.arrayWith(['codepipeline-pipeline-pipeline-execution-failed']),
      Targets: [Match.objectLike({ TargetType: 'SNS' })],
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
  });
});
