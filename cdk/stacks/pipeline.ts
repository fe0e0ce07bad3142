/**
 * Pipeline (optional, `-c pipeline=true`): continuous deployment with CDK Pipelines. Source from a
 * CodeConnections connection to the repository; a synth step that runs `npm ci`, `npm test` and the
 * synth; a staging stage; a manual approval; production. Pipeline failures notify its alarm topic.
 */
import { Stack, Validations, type CfnElement, type StackProps } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as notifications from 'aws-cdk-lib/aws-codestarnotifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as pipelines from 'aws-cdk-lib/pipelines';
import type { Construct, IConstruct } from 'constructs';
import { arnFinding } from '../lib/nag.ts';
import type { TaskwireConfig } from '../lib/config.ts';
import { TaskwireStage } from '../lib/taskwire.ts';

export interface PipelineStackProps extends StackProps {
  config: TaskwireConfig & { pipeline: NonNullable<TaskwireConfig['pipeline']> };
  /** Passed to the stages (tests); in CodeBuild the synth builds client/dist first. */
  clientDist?: string;
}

export class PipelineStack extends Stack {
  readonly pipeline: pipelines.CodePipeline;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const { config } = props;
    const { connectionArn, repository, branch } = config.pipeline;
    // The synth re-runs this app with the same context, so the pipeline keeps (self-mutates to) its own shape.
    const context = [
      `-c pipeline=true`,
      `-c pipelineConnectionArn=${connectionArn}`,
      `-c pipelineRepository=${repository}`,
      `-c pipelineBranch=${branch}`,
      ...(config.senderEmail ? [`-c senderEmail=${config.senderEmail}`] : []),
      ...(config.alarmEmail ? [`-c alarmEmail=${config.alarmEmail}`] : []),
      ...(config.domain ? [`-c domain=${config.domain}`, `-c certificateArn=${config.certificateArn}`] : []),
    ].join(' ');

    this.pipeline = new pipelines.CodePipeline(this, 'Pipeline', {
      pipelineName: `taskwire-${config.stage}`,
      crossAccountKeys: false,
      // One CodeBuild project publishes every asset (each resolver bundle is one), not one project each.
      publishAssetsInParallel: false,
      synth: new pipelines.ShellStep('Synth', {
        input: pipelines.CodePipelineSource.connection(repository, branch, { connectionArn }),
        commands: ['npm ci', 'npm test', `npm run synth -- ${context}`],
        primaryOutputDirectory: 'cdk/cdk.out',
      }),
      codeBuildDefaults: { buildEnvironment: { buildImage: codebuild.LinuxArmBuildImage.AMAZON_LINUX_2023_STANDARD_3_0, computeType: codebuild.ComputeType.MEDIUM } },
    });
    const stage = (name: string, stageName: string) =>
      new TaskwireStage(this, name, { config: { ...config, stage: stageName, introspection: stageName !== 'prod' && config.introspection }, ...(props.clientDist ? { clientDist: props.clientDist } : {}) });
    this.pipeline.addStage(stage('Staging', 'staging'));
    this.pipeline.addStage(stage('Production', 'prod'), { pre: [new pipelines.ManualApprovalStep('PromoteToProduction', { comment: 'Staging is deployed: promote this change to production?' })] });
    this.pipeline.buildPipeline();
    this.acknowledgePipelineFindings();

    const topic = new sns.Topic(this, 'PipelineAlarms', { displayName: 'Taskwire pipeline failures', enforceSSL: true });
    if (config.alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    Validations.of(topic).acknowledge({ id: 'AwsSolutions-SNS2', reason: 'Pipeline notifications name a pipeline and an execution, nothing secret; a KMS key costs money at idle.' });
    new notifications.NotificationRule(this, 'PipelineFailed', {
      source: this.pipeline.pipeline,
      events: ['codepipeline-pipeline-pipeline-execution-failed', 'codepipeline-pipeline-manual-approval-needed'],
      targets: [topic],
      detailType: notifications.DetailType.BASIC,
    });
  }

  /** What CDK Pipelines creates for itself (roles, artifact bucket, CodeBuild projects), with why it stays. */
  private acknowledgePipelineFindings(): void {
    const ref = (c: IConstruct) => `<${this.getLogicalId(c.node.defaultChild as CfnElement)}>`;
    const artifacts = 'CDK Pipelines\' roles read and write pipeline artifacts in the pipeline\'s own artifact bucket (CDK writes these S3 actions).';
    const codebuild = 'CodeBuild writes its own logs and test reports; CDK scopes them to the project\'s log group and report groups.';
    const synth = this.pipeline.synthProject;
    const mutation = this.pipeline.selfMutationProject;
    Validations.of(this).acknowledge(
      { id: 'AwsSolutions-S1', reason: 'The artifact bucket holds build outputs only, kept by the pipeline; CloudTrail records access to it.' },
      { id: 'AwsSolutions-CB4', reason: 'Build artifacts are encrypted by the artifact bucket\'s key; a customer-managed KMS key per project costs money at idle.' },
      { id: 'AwsSolutions-IAM5[Action::s3:GetObject*]', reason: artifacts },
      { id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reason: artifacts },
      { id: 'AwsSolutions-IAM5[Action::s3:List*]', reason: artifacts },
      { id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]', reason: artifacts },
      { id: 'AwsSolutions-IAM5[Action::s3:Abort*]', reason: artifacts },
      { id: `AwsSolutions-IAM5[Resource::${arnFinding(this.pipeline.pipeline.artifactBucket)}/*]`, reason: artifacts },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'Self-mutation and asset publishing read CloudFormation stacks and assume the CDK bootstrap roles named at run time.' },
      { id: 'AwsSolutions-IAM5[Resource::arn:*:iam::<AWS::AccountId>:role/*]', reason: 'The pipeline assumes the CDK bootstrap roles (cdk-hnb659fds-*) of the account it deploys to.' },
      { id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:codebuild:<AWS::Region>:<AWS::AccountId>:report-group/*]', reason: codebuild },
      { id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/codebuild/*]', reason: codebuild },
      ...[synth, mutation].flatMap((project) => [
        { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:codebuild:<AWS::Region>:<AWS::AccountId>:report-group/${ref(project)}-*]`, reason: codebuild },
        { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/codebuild/${ref(project)}:*]`, reason: codebuild },
      ]),
    );
  }
}
