/**
 * Taskwire's stacks, synthesized once (without bundling the Lambda code: test/bundling.test.ts does)
 * with the AwsSolutions checks on, the manifest plus temporary event-side entries (test/event-entries.ts),
 * and a stand-in web client.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { appSyncName } from '../constructs/api.ts';
import { readConfig } from '../lib/config.ts';
import { API_MANIFEST, buildOutputs, bundleResolvers, lambdas, RESOURCES, TABLE_DEFINITION, type BundleSet, type LambdaDef } from '../lib/repo.ts';
import { addTaskwireStacks } from '../lib/taskwire.ts';
import { iamMutations } from '../stacks/stateless.ts';
import { outputsFromStack } from '../lib/outputs.ts';
import { EVENT_ENTRIES, TEST_CONTEXT } from './event-entries.ts';
import { standInClient, synthesize, type Synthesized } from './support.ts';

type Resource = { Type: string; Properties: Record<string, any>; [k: string]: unknown };

let s: Synthesized;
let bundles: BundleSet;
const all: Record<string, LambdaDef> = { ...lambdas, ...EVENT_ENTRIES };
const resources = (t: Synthesized['stateless'], type: string): [string, Resource][] =>
  Object.entries(t.findResources(type)) as [string, Resource][];

beforeAll(() => {
  s = synthesize({ extraLambdas: EVENT_ENTRIES, context: TEST_CONTEXT });
  bundles = bundleResolvers();
});

/** The function whose description is the manifest entry's, and its role's inline policy statements. */
function functionOf(name: string): { id: string; props: Record<string, any>; statements: { Action: string | string[]; Resource: unknown }[] } {
  const [id, fn] = resources(s.stateless, 'AWS::Lambda::Function').find(([, r]) => r.Properties.Description === all[name]!.description)!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const statements = resources(s.stateless, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
  return { id, props: fn.Properties, statements };
}
const actionsOf = (statements: { Action: string | string[] }[]): string[] => statements.flatMap((st) => [st.Action].flat());

describe('the stateful stack', () => {
  it('has a table with both GSIs of the access patterns (and the others of model/table.ts) and a stream with new and old images', () => {
    const [, table] = resources(s.stateful, 'AWS::DynamoDB::Table')[0]!;
    const indexes = (table.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: { AttributeName: string }[] }[]).map((i) => [i.IndexName, i.KeySchema.map((k) => k.AttributeName)]);
    expect(indexes).toEqual(expect.arrayContaining([['byAssignee', ['GSI1PK', 'GSI1SK']], ['byStatus', ['GSI2PK', 'GSI2SK']]]));
    expect(indexes.map(([n]) => n).sort()).toEqual(TABLE_DEFINITION.indexes.map((i) => i.name).sort());
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('keeps the table: on-demand, point-in-time recovery, TTL, deletion protection, retained on stack deletion', () => {
    s.stateful.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.ttlAttribute, Enabled: true },
        DeletionProtectionEnabled: true,
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('has an attachments bucket that refuses public access and plain HTTP', () => {
    const [id, bucket] = resources(s.stateful, 'AWS::S3::Bucket').find(([, b]) => JSON.stringify(b.Properties.BucketName ?? '').includes('attachments'))!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    s.stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
  });

  it('encrypts attachments, logs access, allows only the web origin, and expires incomplete uploads and purged objects', () => {
    const [, bucket] = resources(s.stateful, 'AWS::S3::Bucket').find(([, b]) => JSON.stringify(b.Properties.BucketName ?? '').includes('attachments'))!;
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toBeDefined();
    const cors = bucket.Properties.CorsConfiguration.CorsRules[0];
    expect(cors.AllowedOrigins).toHaveLength(1);
    // The web stack's CloudFront domain (exported by it).
    expect(JSON.stringify(cors.AllowedOrigins)).toMatch(/https:\/\/.*Fn::ImportValue.*Taskwire-dev-Web:ExportsOutputFnGetAttDistribution[0-9A-F]+DomainName/);
    const rules = bucket.Properties.LifecycleConfiguration.Rules as Record<string, any>[];
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, ExpiredObjectDeleteMarker: true, Status: 'Enabled' }),
      ]),
    );
  });

  it('has a user pool with an Admins group, an invitation message and a web client without a secret', () => {
    s.stateful.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'Admins' });
    s.stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true, InviteMessageTemplate: Match.objectLike({ EmailSubject: Match.anyValue() }) }),
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true }) },
    });
    s.stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: false, EnableTokenRevocation: true });
  });
});

describe('the API', () => {
  it('takes schema.graphql as it is, with Cognito by default, the Lambda authorizer uncached and IAM', () => {
    s.stateless.hasResourceProperties('AWS::AppSync::GraphQLSchema', { Definition: readFileSync(join(import.meta.dirname, '../../schema.graphql'), 'utf8') });
    const [, api] = resources(s.stateless, 'AWS::AppSync::GraphQLApi')[0]!;
    expect(api.Properties.AuthenticationType).toBe('AMAZON_COGNITO_USER_POOLS');
    expect(api.Properties.AdditionalAuthenticationProviders.map((p: { AuthenticationType: string }) => p.AuthenticationType)).toEqual(['AWS_LAMBDA', 'AWS_IAM']);
    expect(api.Properties.AdditionalAuthenticationProviders[0].LambdaAuthorizerConfig.AuthorizerResultTtlInSeconds).toBe(0);
    expect(JSON.stringify(api.Properties.AdditionalAuthenticationProviders[0].LambdaAuthorizerConfig.AuthorizerUri)).toContain(functionOf('authorizer').id);
  });

  it('logs errors, traces with X-Ray and applies the configured introspection and limits', () => {
    s.stateless.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      LogConfig: Match.objectLike({ FieldLogLevel: 'ERROR', ExcludeVerboseContent: true }),
      XrayEnabled: true,
      IntrospectionConfig: 'ENABLED',
      QueryDepthLimit: 0,
      ResolverCountLimit: 10_000,
    });
  });

  it('runs every resolver and pipeline function on APPSYNC_JS', () => {
    const runtimes = [...resources(s.stateless, 'AWS::AppSync::Resolver'), ...resources(s.stateless, 'AWS::AppSync::FunctionConfiguration')].map(([, r]) => r.Properties.Runtime);
    expect(runtimes.length).toBe(Object.keys(API_MANIFEST.resolvers).length + Object.keys(API_MANIFEST.functions).length);
    for (const runtime of runtimes) expect(runtime).toEqual({ Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' });
  });

  it('deploys exactly the resolvers, functions and data sources of the manifest the local runtime uses, with the same bundles', () => {
    const code = (r: Resource): string => {
      const hash = /\/([0-9a-f]{64})\.js$/.exec(r.Properties.CodeS3Location['Fn::Sub'])![1];
      return readFileSync(join(s.outdir, `asset.${hash}.js`), 'utf8');
    };
    const sources = Object.fromEntries(resources(s.stateless, 'AWS::AppSync::DataSource').map(([id, d]) => [id, d.Properties]));
    const deployedSources = Object.values(sources).map((d) => {
      const lambda = d.Type === 'AWS_LAMBDA' ? resources(s.stateless, 'AWS::Lambda::Function').find(([fid]) => JSON.stringify(d.LambdaConfig).includes(fid))! : undefined;
      const fnName = lambda && Object.entries(all).find(([, def]) => def.description === lambda[1].Properties.Description)![0];
      return [d.Name, d.Type, fnName ?? null];
    });
    expect(deployedSources.sort()).toEqual(
      Object.entries(API_MANIFEST.dataSources).map(([n, d]) => [appSyncName(n), d.type, d.type === 'AWS_LAMBDA' ? d.function : null]).sort(),
    );

    const functionsById = Object.fromEntries(resources(s.stateless, 'AWS::AppSync::FunctionConfiguration').map(([id, f]) => [id, f]));
    // AppSync functions and resolvers name their data source (CDK orders them after it).
    const dsName = (name: unknown): string => {
      expect(Object.values(sources).map((d) => d.Name)).toContain(name);
      return name as string;
    };
    const deployedFunctions = Object.values(functionsById).map((f) => [f.Properties.Name, dsName(f.Properties.DataSourceName), code(f)]);
    expect(deployedFunctions.sort()).toEqual(
      Object.entries(API_MANIFEST.functions).map(([n, f]) => [appSyncName(n), appSyncName(f.dataSource), bundles.functions.get(n)!.code]).sort(),
    );

    const deployedResolvers = resources(s.stateless, 'AWS::AppSync::Resolver').map(([, r]) => [
      `${r.Properties.TypeName}.${r.Properties.FieldName}`,
      r.Properties.Kind,
      r.Properties.Kind === 'UNIT' ? dsName(r.Properties.DataSourceName) : (r.Properties.PipelineConfig.Functions as { 'Fn::GetAtt': [string] }[]).map((g) => functionsById[g['Fn::GetAtt'][0]]!.Properties.Name),
      code(r),
    ]);
    expect(deployedResolvers.sort()).toEqual(
      Object.entries(API_MANIFEST.resolvers)
        .map(([field, d]) => [field, d.kind, d.kind === 'UNIT' ? appSyncName(d.dataSource) : d.functions.map(appSyncName), bundles.resolvers.get(field)!.code])
        .sort(),
    );
  });
});

describe('the functions', () => {
  it('run on Node.js 22, arm64, traced, with their manifest timeout and failed async invocations queued', () => {
    for (const [name, def] of Object.entries(all)) {
      const { id, props } = functionOf(name);
      expect(props).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Timeout: def.timeoutSeconds, TracingConfig: { Mode: 'Active' } });
      s.stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FailedInvocations'), 'Arn'] } } },
      });
      expect(resources(s.stateless, 'AWS::Logs::LogGroup').some(([lg]) => JSON.stringify(props.LoggingConfig).includes(lg))).toBe(true);
    }
  });

  it('get exactly the environment variables their manifest entry uses', () => {
    for (const [name, def] of Object.entries(all)) {
      const vars = Object.keys(functionOf(name).props.Environment?.Variables ?? {}).filter((v) => v !== 'NODE_OPTIONS').sort();
      const expected = Object.keys(def.uses).flatMap((r) => [...RESOURCES[r as keyof typeof RESOURCES].env]).sort();
      expect([name, vars]).toEqual([name, expected]);
    }
  });

  it('have exactly the grants their manifest entry names', () => {
    const service: Record<string, keyof typeof RESOURCES> = { dynamodb: 'table', s3: 'bucket', 'cognito-idp': 'userPool', appsync: 'appsync', events: 'bus', scheduler: 'scheduler', iam: 'scheduler', sns: 'topic', ses: 'email' };
    for (const [name, def] of Object.entries(all)) {
      const actions = actionsOf(functionOf(name).statements);
      // What every function has: X-Ray tracing and its failure queue; DynamoDB stream reads for stream functions.
      const granted = new Set(
        actions
          .filter((a) => !/^xray:|^sqs:/.test(a))
          .filter((a) => !(def.stream && /^dynamodb:(ListStreams|DescribeStream|GetRecords|GetShardIterator)$/.test(a) && def.uses.table === undefined))
          .map((a) => service[a.split(':')[0]!] ?? a),
      );
      expect([name, [...granted].sort()]).toEqual([name, Object.keys(def.uses).filter((r) => r !== 'web').sort()]);
      const writes = actions.some((a) => /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/.test(a));
      expect([name, writes]).toEqual([name, def.uses.table === 'readWrite']);
      expect([name, actions.includes('s3:PutObject')]).toEqual([name, def.uses.bucket === 'readWrite']);
      expect([name, actions.includes('s3:ListBucket')]).toEqual([name, def.uses.bucket === 'purge']);
    }
  });

  it('may call only the IAM-only mutations through appsync:GraphQL', () => {
    const mutations = iamMutations();
    expect(mutations).toEqual(expect.arrayContaining(['publishNotification', 'publishTaskChange', 'publishSprintChange']));
    for (const name of Object.keys(all).filter((n) => all[n]!.uses.appsync)) {
      const st = functionOf(name).statements.find((x) => x.Action === 'appsync:GraphQL')!;
      const fields = (st.Resource as unknown[]).map((r) => JSON.stringify(r).match(/types\/Mutation\/fields\/(\w+)/)![1]);
      expect(fields.sort()).toEqual([...mutations].sort());
    }
  });
});

describe('the event side', () => {
  it('feeds every entry with `stream` from the table stream, filtered, with partial batch failures and a failure queue', () => {
    const streamers = Object.entries(all).filter(([, d]) => d.stream);
    expect(streamers.length).toBeGreaterThan(0);
    for (const [name, def] of streamers) {
      s.stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: functionOf(name).id },
        EventSourceArn: Match.anyValue(),
        BatchSize: def.stream!.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        FilterCriteria: { Filters: Match.arrayWith([{ Pattern: JSON.stringify({ dynamodb: { NewImage: { entity: { S: [{ exists: true }] } } } }) }]) },
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
  });

  it('puts every entry’s `rules` on Taskwire’s bus with their event patterns unchanged', () => {
    for (const [name, def] of Object.entries(all)) {
      for (const rule of def.rules ?? []) {
        s.stateless.hasResourceProperties('AWS::Events::Rule', {
          EventBusName: { Ref: Match.stringLikeRegexp('^Bus') },
          EventPattern: rule.pattern,
          Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionOf(name).id, 'Arn'] }, DeadLetterConfig: Match.anyValue() })],
        });
      }
    }
  });

  it('lets the scheduler role invoke only the reminder function', () => {
    const [[groupId]] = resources(s.stateless, 'AWS::Scheduler::ScheduleGroup');
    expect(groupId).toBeDefined();
    const [roleId] = resources(s.stateless, 'AWS::IAM::Role').find(([, r]) => JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com') && JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('reminders'))!;
    const statements = resources(s.stateless, 'AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    expect(statements).toEqual([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [functionOf('reminders').id, 'Arn'] } }]);
    const reminder = functionOf('testStream').props.Environment.Variables;
    expect(reminder.SCHEDULER_ROLE_ARN).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
    expect(reminder.REMINDER_FUNCTION_ARN).toEqual({ 'Fn::GetAtt': [functionOf('reminders').id, 'Arn'] });
  });

  it('runs each recurring schedule (rate or cron in its time zone) with its event', () => {
    for (const [name, def] of Object.entries(all)) {
      for (const sch of def.schedules ?? []) {
        s.stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
          ScheduleExpression: sch.cron ?? `rate(${sch.everyMinutes} minutes)`,
          ScheduleExpressionTimezone: sch.timeZone ?? 'Etc/UTC',
          Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [functionOf(name).id, 'Arn'] }, Input: JSON.stringify(sch.event) }),
        });
      }
    }
  });

  it('has TLS-only topics and the configured SES sender identity', () => {
    const topics = resources(s.stateless, 'AWS::SNS::Topic').map(([id]) => id);
    expect(topics.length).toBe(2);
    for (const id of topics) {
      s.stateless.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: id }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    }
    s.stateless.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: TEST_CONTEXT.senderEmail });
  });
});

describe('monitoring', () => {
  it('alarms on resolver errors, 5xx, latency, each function’s errors and throttles, queued failures and schedule failures, to the alarm topic', () => {
    const alarms = resources(s.stateless, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const names = alarms.map((a) => a.AlarmName['Fn::Join'] ? '' : a.AlarmName as string);
    const expected = ['api-resolver-errors', 'api-5xx', 'api-latency-p99', 'failed-invocations-queued', 'schedule-failures', ...Object.keys(all).flatMap((n) => [`fn-${n}-errors`, `fn-${n}-throttles`])];
    expect(names.sort()).toEqual(expected.map((n) => `taskwire-dev-${n}`).sort());
    for (const a of alarms) expect(JSON.stringify(a.AlarmActions)).toMatch(/"Alarms[0-9A-F]+"/);
    s.stateless.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    s.stateless.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: TEST_CONTEXT.alarmEmail });
  });
});

describe('the web stack', () => {
  it('serves the client from a private bucket through CloudFront with origin access control, HTTPS only and the SPA fallback', () => {
    s.web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const [, dist] = resources(s.web, 'AWS::CloudFront::Distribution')[0]!;
    const config = dist.Properties.DistributionConfig;
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CacheBehaviors.map((b: { ViewerProtocolPolicy: string }) => b.ViewerProtocolPolicy)).toEqual(['https-only']);
    expect(config.Origins[0].S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(config.CustomErrorResponses).toEqual(expect.arrayContaining([expect.objectContaining({ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' }), expect.objectContaining({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' })]));
  });

  it('sends security headers with every response', () => {
    s.web.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000 }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'") }),
        }),
      },
    });
  });

  it('publishes taskwire-outputs.json beside the client, in the shape the local runtime writes, filled at deploy time', () => {
    const [, deployment] = resources(s.stateless, 'Custom::CDKBucketDeployment')[0]!;
    expect(deployment.Properties.Prune).toBe(false);
    expect(JSON.stringify(deployment.Properties.DestinationBucketName)).toContain('taskwire-dev-web-');
    const hash = (deployment.Properties.SourceObjectKeys[0] as string).replace(/\.zip$/, '');
    const published = readFileSync(join(s.outdir, `asset.${hash}`, 'taskwire-outputs.json'), 'utf8');
    const markers = deployment.Properties.SourceMarkers[0] as Record<string, unknown>;
    const filled = JSON.parse(published.replace(/<<marker:0xbaba:\d+>>/g, (m) => `${JSON.stringify(markers[m]).replace(/"/g, "'")}`)) as Record<string, any>;
    const local = buildOutputs({
      region: 'r', graphqlUrl: 'g', realtimeUrl: 'w', defaultAuthMode: 'AMAZON_COGNITO_USER_POOLS', additionalAuthModes: ['AWS_LAMBDA', 'AWS_IAM'],
      userPoolId: 'p', userPoolClientId: 'c', groups: ['Admins'], webUrl: null, bucketName: 'b', evaluateCodeEndpoint: 'e', cognitoEndpoint: 'ce',
      dynamoDbEndpoint: 'd', caCertificatePath: 'ca', s3Endpoint: 's', demoUsers: [], iamCredentials: { accessKeyId: 'a', secretAccessKey: 's' },
    }) as unknown as Record<string, any>;
    for (const part of ['auth', 'data', 'storage']) expect(Object.keys(filled[part]).sort()).toEqual(Object.keys(local[part]).sort());
    expect(Object.keys(filled).sort()).toEqual(Object.keys(local).sort());
    expect(filled.data.url).toContain('GraphQLUrl');
    expect(filled.data.authorization_types).toEqual(['AWS_LAMBDA', 'AWS_IAM']);
    expect(filled.auth.user_pool_client_id).toContain('UsersWebClient');
    expect(filled.custom.endpoints.appsyncRealtime).toContain('RealtimeUrl');
  });

  it('refuses to synthesize without a built client, saying how to build it', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    expect(() => addTaskwireStacks(app, readConfig(app.node), { clientDist: join(standInClient(), 'missing') })).toThrow(/web client is not built: .*index\.html is missing \(run `npm run build --workspace client`/);
  });
});

describe('cdk-nag', () => {
  it('passes AwsSolutions on every stack, each finding acknowledged with a reason', () => {
    // Template.fromStack in beforeAll threw on any unacknowledged finding; none was written to the report.
    const report = join(s.outdir, 'validation-report.json');
    if (existsSync(report)) {
      const r = JSON.parse(readFileSync(report, 'utf8')) as { pluginReports: { conclusion: string }[] };
      expect(r.pluginReports.map((p) => p.conclusion)).toEqual(['success']);
    }
    expect(Object.keys(s.stateless.toJSON().Resources).length).toBeGreaterThan(0);
  });

  it('fails synthesis on an unacknowledged finding', () => {
    const app = new App();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    new s3.Bucket(new Stack(app, 'Plain'), 'Unlogged');
    expect(() => app.synth()).toThrow(/AwsSolutions-S1'/);
  });
});

describe('configuration', () => {
  it('defaults to stage dev, introspection on outside prod, the local runtime’s limits, no pipeline, no sender and no alarm address', () => {
    expect(readConfig(new App().node)).toEqual({ stage: 'dev', introspection: true, queryDepthLimit: 0, resolverCountLimit: 10_000, logRetentionDays: 30 });
    expect(readConfig(new App({ context: { stage: 'prod' } }).node).introspection).toBe(false);
  });

  it('refuses a value it cannot use, naming the key', () => {
    expect(() => readConfig(new App({ context: { stage: 'Prod!' } }).node)).toThrow(/context stage/);
    expect(() => readConfig(new App({ context: { queryDepthLimit: '99' } }).node)).toThrow(/context queryDepthLimit must be an integer from 0 to 75/);
    expect(() => readConfig(new App({ context: { domain: 'tasks.example.com' } }).node)).toThrow(/needs certificateArn/);
    expect(() => readConfig(new App({ context: { alarmEmail: 'nobody' } }).node)).toThrow(/context alarmEmail/);
  });
});

describe('npm run deploy', () => {
  it('writes the stack outputs as the local runtime’s outputs shape, without the local extras', () => {
    const o = outputsFromStack({
      Region: 'eu-west-1',
      GraphqlUrl: 'https://x.appsync-api.eu-west-1.amazonaws.com/graphql',
      RealtimeUrl: 'wss://x.appsync-realtime-api.eu-west-1.amazonaws.com/graphql',
      UserPoolId: 'eu-west-1_abc',
      UserPoolClientId: 'client',
      AttachmentsBucket: 'bucket',
      WebUrl: 'https://d1.cloudfront.net',
    }) as unknown as Record<string, any>;
    expect(o.data).toEqual({ url: 'https://x.appsync-api.eu-west-1.amazonaws.com/graphql', aws_region: 'eu-west-1', default_authorization_type: 'AMAZON_COGNITO_USER_POOLS', authorization_types: ['AWS_LAMBDA', 'AWS_IAM'] });
    expect(o.auth).toMatchObject({ user_pool_id: 'eu-west-1_abc', user_pool_client_id: 'client', groups: [{ Admins: { precedence: 0 } }] });
    expect(o.storage).toMatchObject({ bucket_name: 'bucket', aws_region: 'eu-west-1' });
    expect(o.custom).toEqual({ endpoints: { appsync: 'https://x.appsync-api.eu-west-1.amazonaws.com/graphql', appsyncRealtime: 'wss://x.appsync-realtime-api.eu-west-1.amazonaws.com/graphql' }, webUrl: 'https://d1.cloudfront.net' });
    expect(() => outputsFromStack({ Region: 'eu-west-1' })).toThrow(/lack GraphqlUrl/);
  });
});
