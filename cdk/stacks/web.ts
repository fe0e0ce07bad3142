/**
 * Web: the built Vue client on S3 behind CloudFront (origin access control, HTTPS only, SPA fallback,
 * security headers). The deployment's `taskwire-outputs.json` is published into the same bucket by the
 * stateless stack (it needs the API's URL; this stack comes first, so the API can know the web URL).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { TaskwireConfig } from '../lib/config.ts';
import { physicalNames } from '../lib/names.ts';
import { acknowledgeBucketDeployment, arnFinding } from '../lib/nag.ts';

export const OUTPUTS_FILE = 'taskwire-outputs.json';

export interface WebStackProps extends StackProps {
  config: TaskwireConfig;
  /** The built client (client/dist): must hold index.html. */
  clientDist: string;
}

export class WebStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<domain>`: what emails link to and what the attachments bucket allows as a CORS origin. */
  readonly webUrl: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config, clientDist } = props;
    if (!existsSync(join(clientDist, 'index.html'))) {
      throw new Error(`the web client is not built: ${join(clientDist, 'index.html')} is missing (run \`npm run build --workspace client\`, or \`npm run deploy\`, which builds it)`);
    }

    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER, // CloudFront standard logs need ACLs
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging its own accesses would log forever.' });

    this.bucket = new s3.Bucket(this, 'Site', {
      bucketName: physicalNames(config.stage).webBucket,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      // Only built files live here: the client is rebuilt and redeployed from the repository.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        contentSecurityPolicy: {
          contentSecurityPolicy:
            "default-src 'self'; connect-src 'self' https://*.amazonaws.com wss://*.amazonaws.com; img-src 'self' data: https://*.amazonaws.com; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
          override: true,
        },
      },
    });

    const certificate = config.domain && config.certificateArn ? acm.Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn) : undefined;
    const origin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Taskwire ${config.stage} web client`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
      },
      additionalBehaviors: {
        // The configuration file changes with every deployment: never cached.
        [`/${OUTPUTS_FILE}`]: {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          responseHeadersPolicy: headers,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        },
      },
      // The client routes in the browser: unknown paths get the app (S3 answers 403 for a missing key under OAC).
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      // The TLS policy can only be chosen with a custom certificate (the default one's is fixed).
      ...(certificate && config.domain ? { certificate, domainNames: [config.domain], minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 } : {}),
    });
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'A project tracker for teams anywhere: no country is blocked.' },
      { id: 'AwsSolutions-CFR2', reason: 'The site is static files behind OAC and the API is AppSync (with its own auth); a WAF web ACL costs money at idle and protects nothing here.' },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain CloudFront serves its default certificate, whose TLS policy cannot be raised; with `domain` the distribution uses TLSv1.2_2021.',
      },
    );
    this.webUrl = config.domain ? `https://${config.domain}` : `https://${this.distribution.distributionDomainName}`;

    new s3deploy.BucketDeployment(this, 'Client', {
      sources: [s3deploy.Source.asset(clientDist, { exclude: [OUTPUTS_FILE] })],
      destinationBucket: this.bucket,
      // The outputs file is written by the stateless stack: never pruned by a client deployment.
      exclude: [OUTPUTS_FILE],
      prune: true,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    acknowledgeBucketDeployment(this, `${arnFinding(this.bucket)}/*`, true);
  }
}
