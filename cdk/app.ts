/**
 * Taskwire's CDK app: the stacks only (cdk/lib/taskwire.ts), or the pipeline that deploys them.
 *   npx cdk synth [-c stage=dev] [-c senderEmail=…] [-c alarmEmail=…] [-c pipeline=true …]
 * Every context key and its default: README, "Deploy to AWS".
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from './lib/config.ts';
import { addTaskwireStacks } from './lib/taskwire.ts';
import { PipelineStack } from './stacks/pipeline.ts';

const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const config = readConfig(app.node);
const env = process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } : undefined;
const dist: unknown = app.node.tryGetContext('clientDist');
const clientDist = typeof dist === 'string' && dist ? dist : undefined;
if (config.pipeline) {
  new PipelineStack(app, `Taskwire-${config.stage}-Pipeline`, { env, config: { ...config, pipeline: config.pipeline }, ...(clientDist ? { clientDist } : {}) });
} else {
  addTaskwireStacks(app, config, { ...(env ? { env } : {}), ...(clientDist ? { clientDist } : {}) });
}
app.synth();
