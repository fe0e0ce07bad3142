/**
 * cdk-nag (AwsSolutions) acknowledgements shared by more than one stack, each with its reason. The
 * others sit next to the construct they concern. Findings on IAM wildcards are acknowledged one by one
 * (cdk-nag 3 matches each `[Action::…]` / `[Resource::…]` finding exactly).
 */
import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface Acknowledgement {
  id: string;
  reason: string;
}

/** cdk-nag's rendering of `<resource>.Arn` for a construct of the same stack. */
export function arnFinding(construct: IConstruct): string {
  const cfn = construct.node.defaultChild as CfnElement;
  return `<${Stack.of(construct).getLogicalId(cfn)}.Arn>`;
}

/**
 * BucketDeployment's provider function (CDK's own, one per stack and memory size): it copies an asset
 * from CDK's staging bucket into `destination` (and, for the web client, invalidates CloudFront).
 */
export function acknowledgeBucketDeployment(stack: Stack, destinationObjectsFinding: string, withInvalidation: boolean): void {
  const copy = 'CDK\'s BucketDeployment copies files from the CDK asset bucket into one bucket and needs these S3 actions on both (CDK writes this policy).';
  Validations.of(stack).acknowledge(
    { id: 'AwsSolutions-L1', reason: 'The runtime of CDK\'s own BucketDeployment and log-retention functions is chosen by aws-cdk-lib, not by Taskwire.' },
    { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'CDK\'s own provider functions only write their logs with this managed policy.' },
    { id: 'AwsSolutions-IAM5[Action::s3:GetObject*]', reason: copy },
    { id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reason: copy },
    { id: 'AwsSolutions-IAM5[Action::s3:List*]', reason: copy },
    { id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]', reason: copy },
    { id: 'AwsSolutions-IAM5[Action::s3:Abort*]', reason: copy },
    { id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]', reason: 'Assets are read from CDK\'s bootstrap bucket, keyed by content hash.' },
    { id: `AwsSolutions-IAM5[Resource::${destinationObjectsFinding}]`, reason: 'The deployment writes every file of the site into its bucket.' },
    ...(withInvalidation ? [{ id: 'AwsSolutions-IAM5[Resource::*]', reason: 'cloudfront:CreateInvalidation (after a client deployment) and X-Ray do not take a narrower resource.' }] : []),
  );
}
