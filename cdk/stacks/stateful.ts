/**
 * Stateful: what holds data and outlives every other stack — the single table, the attachments bucket
 * and the user pool. Each is retained when the stack is deleted (README: tear down without losing data).
 */
import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { TaskwireConfig } from '../lib/config.ts';
import { physicalNames } from '../lib/names.ts';
import { TABLE_DEFINITION } from '../lib/repo.ts';

/** The Cognito group that may administer everything (the schema's `cognito_groups: ["Admins"]`). */
export const ADMINS_GROUP = 'Admins';
/** Noncurrent object versions (left by a purge's deletes, or an overwrite) are kept this long, then expire. */
export const ORPHAN_RETENTION_DAYS = 30;

export interface StatefulStackProps extends StackProps {
  config: TaskwireConfig;
  /** The web client's origin (CORS for presigned uploads and downloads). */
  webUrl: string;
}

export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly bucket: s3.Bucket;
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    const def = TABLE_DEFINITION;

    const names = physicalNames(config.stage);
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: names.table,
      partitionKey: { name: def.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: def.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: dynamodb.StreamViewType[def.stream],
      timeToLiveAttribute: def.ttlAttribute,
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of def.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.pk, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sk, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    const accessLogs = new s3.Bucket(this, 'AttachmentsAccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging its own accesses would log forever.' });

    this.bucket = new s3.Bucket(this, 'Attachments', {
      bucketName: names.attachmentsBucket,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'attachments/',
      // Browsers upload with a presigned POST and download with a presigned GET, from the web client only.
      cors: [
        {
          allowedOrigins: [props.webUrl],
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        // An upload that never completed leaves parts that cost money and belong to nobody.
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // A purge deletes a task's objects; with versioning they stay as noncurrent versions for a while
        // (a mistaken purge can be undone from them), then expire, and so do their delete markers.
        { id: 'expire-purged-objects', noncurrentVersionExpiration: Duration.days(ORPHAN_RETENTION_DAYS), expiredObjectDeleteMarker: true },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false, // people are invited (members by a project admin, or by an Admin)
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {},
      passwordPolicy: { minLength: 8, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: false, tempPasswordValidity: Duration.days(7) },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      userInvitation: {
        emailSubject: 'You are invited to Taskwire',
        emailBody: 'You were invited to Taskwire. Sign in with {username} and the temporary password {####}, then choose your own.',
      },
      // The Essentials tier: threat protection needs Plus (paid per user); this pool stays free at idle.
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      { id: 'AwsSolutions-COG2', reason: 'MFA is optional (TOTP) so teams can adopt it; requiring it would lock out invited members before they set it up.' },
      { id: 'AwsSolutions-COG1', reason: 'Length and mixed character classes, without a required symbol: the policy the local user pool and taskwire-outputs.json declare, so clients validate alike everywhere.' },
      { id: 'AwsSolutions-COG8', reason: 'The Plus feature plan is billed per active user; Essentials keeps the pool free at idle.' },
      { id: 'AwsSolutions-COG3', reason: 'Threat protection (advanced security) needs the Plus feature plan, billed per active user; the Essentials plan keeps the pool free at idle.' },
    );
    new cognito.CfnUserPoolGroup(this, 'AdminsGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: ADMINS_GROUP,
      description: 'May administer every project and user',
      precedence: 0,
    });

    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: `taskwire-${config.stage}-web`,
      generateSecret: false, // a browser app cannot keep a secret
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
  }
}
