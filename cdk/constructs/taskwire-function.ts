/**
 * One Taskwire Lambda function from its functions/manifest.ts entry, with the defaults every function
 * shares: Node.js 22 on arm64, bundled by the local esbuild from the repository's own lock file, the
 * entry's timeout, X-Ray tracing, a log group with a retention, and failed asynchronous invocations
 * sent to the stack's failure queue. `useResources` then gives the function, in one call per resource
 * its entry `uses`, the IAM grant and the environment variable(s) that carry the resource.
 */
import { Annotations, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import { LogLevel, NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import type { Acknowledgement } from '../lib/nag.ts';
import { LOCK_FILE, REPO_ROOT, RESOURCES, type LambdaDef, type ResourceName } from '../lib/repo.ts';

/** How the stack provides one resource: the values of its variables, and the grant for an access level. */
export interface ResourceBinding {
  env: Record<string, string>;
  grant(fn: lambda.IFunction, access: string): void;
  /** cdk-nag findings the grant raises (a wildcard within the one resource), each with its reason. */
  acknowledge?: Acknowledgement[];
}
export type ResourceBindings = { [R in ResourceName]?: ResourceBinding };

export interface TaskwireFunctionProps {
  name: string;
  def: LambdaDef;
  logRetentionDays: number;
  /** Where failed asynchronous invocations go (after Lambda's two retries). */
  failures: sqs.IQueue;
}

export class TaskwireFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly def: LambdaDef;

  constructor(scope: Construct, id: string, props: TaskwireFunctionProps) {
    super(scope, id);
    const { def } = props;
    this.def = def;
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, def.entry),
      handler: 'handler',
      description: def.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(def.timeoutSeconds),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: LOCK_FILE,
      environment: { NODE_OPTIONS: '--enable-source-maps' },
      onFailure: new destinations.SqsDestination(props.failures),
      retryAttempts: 2,
      bundling: {
        target: 'node22',
        minify: true,
        sourceMap: true,
        // The SDK versions the tests ran against, not whatever the runtime ships.
        bundleAwsSDK: true,
        logLevel: LogLevel.WARNING,
      },
    });
    Validations.of(this.fn).acknowledge(
      { id: 'AwsSolutions-L1', reason: 'Node.js 22 is the runtime Taskwire\'s handlers are built and tested for; moving to a newer one is this construct\'s one line.' },
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'The managed basic execution policy only lets the function write its own logs.' },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray\'s PutTraceSegments/PutTelemetryRecords (tracing) and DynamoDB ListStreams (stream functions) take no narrower resource.' },
    );
  }

  /** Grants and sets, for each resource the manifest entry uses, its access and its variables. */
  useResources(bindings: ResourceBindings): void {
    for (const [resource, access] of Object.entries(this.def.uses) as [ResourceName, string][]) {
      if (access === undefined) continue;
      const binding = bindings[resource];
      if (!binding) {
        if (resource === 'email') {
          Annotations.of(this).addWarningV2('taskwire:noSenderEmail', `${this.node.id} sends email, but no senderEmail is configured (cdk.json context): it sends none`);
          continue;
        }
        throw new Error(`function ${this.node.id} uses ${resource}, which this deployment does not provide`);
      }
      const expected = [...RESOURCES[resource].env].sort();
      const given = Object.keys(binding.env).sort();
      if (JSON.stringify(expected) !== JSON.stringify(given)) throw new Error(`resource ${resource} must provide ${expected.join(', ')}, not ${given.join(', ')}`);
      binding.grant(this.fn, access);
      if (binding.acknowledge?.length) Validations.of(this.fn).acknowledge(...binding.acknowledge);
      for (const [name, value] of Object.entries(binding.env)) this.fn.addEnvironment(name, value);
    }
  }
}
