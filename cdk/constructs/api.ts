/**
 * The AppSync API: schema.graphql, the three auth modes, logging, X-Ray, limits, and every data source,
 * pipeline function and resolver of resolvers/manifest.ts — with the very bundles the local runtime
 * loads (the repository's bundler, written to files CDK uploads as assets).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { TaskwireConfig } from '../lib/config.ts';
import { arnFinding } from '../lib/nag.ts';
import { SCHEMA_FILE, bundleResolvers, writeBundles, type ApiManifest, type BundleSet } from '../lib/repo.ts';

/** AppSync names functions and data sources with letters, digits and underscores only. */
export const appSyncName = (name: string): string => name.replace(/[^A-Za-z0-9_]/g, '_');

export interface TaskwireApiProps {
  config: TaskwireConfig;
  manifest: ApiManifest;
  userPool: cognito.IUserPool;
  table: dynamodb.ITable;
  /** How cdk-nag prints the table's `…/index/*` resource (acknowledged on the table data source). */
  tableIndexesFinding: string;
  bus: events.IEventBus;
  /** Lambda functions by manifest name (data sources name them). */
  functions: Record<string, lambda.IFunction>;
  authorizer: lambda.IFunction;
  /** Bundles made beforehand (tests); by default the repository's bundler runs now. */
  bundles?: BundleSet;
}

export class TaskwireApi extends Construct {
  readonly api: appsync.GraphqlApi;
  readonly realtimeUrl: string;
  readonly bundleDir: string;

  constructor(scope: Construct, id: string, props: TaskwireApiProps) {
    super(scope, id);
    const { config, manifest } = props;
    this.api = new appsync.GraphqlApi(this, 'Api', {
      name: `taskwire-${config.stage}`,
      definition: appsync.Definition.fromFile(SCHEMA_FILE),
      authorizationConfig: {
        defaultAuthorization: { authorizationType: appsync.AuthorizationType.USER_POOL, userPoolConfig: { userPool: props.userPool } },
        additionalAuthorizationModes: [
          // Integration tokens: results never cached, so a revoked token is refused on its next request.
          { authorizationType: appsync.AuthorizationType.LAMBDA, lambdaAuthorizerConfig: { handler: props.authorizer, resultsCacheTtl: Duration.seconds(0) } },
          { authorizationType: appsync.AuthorizationType.IAM },
        ],
      },
      logConfig: {
        fieldLogLevel: appsync.FieldLogLevel.ERROR,
        excludeVerboseContent: true,
        retention: config.logRetentionDays as logs.RetentionDays,
      },
      xrayEnabled: true,
      introspectionConfig: config.introspection ? appsync.IntrospectionConfig.ENABLED : appsync.IntrospectionConfig.DISABLED,
      queryDepthLimit: config.queryDepthLimit,
      resolverCountLimit: config.resolverCountLimit,
      environmentVariables: { TABLE_NAME: props.table.tableName },
      enhancedMetricsConfig: {
        resolverLevelMetricsBehavior: appsync.ResolverLevelMetricsBehavior.FULL_REQUEST_RESOLVER_METRICS,
        dataSourceLevelMetricsBehavior: appsync.DataSourceLevelMetricsBehavior.FULL_REQUEST_DATA_SOURCE_METRICS,
        operationLevelMetricsConfig: appsync.OperationLevelMetricsConfig.ENABLED,
      },
    });
    // Every resolver and data source is meant to report metrics (no per-resolver MetricsConfig is set).
    Annotations.of(this.api).acknowledgeWarning('@aws-cdk/aws-appsync:fullRequestResolverMetrics', 'Metrics for every resolver are intended.');
    Annotations.of(this.api).acknowledgeWarning('@aws-cdk/aws-appsync:fullRequestDataSourceMetrics', 'Metrics for every data source are intended.');
    this.realtimeUrl = (this.api.node.defaultChild as appsync.CfnGraphQLApi).attrRealtimeUrl;
    Validations.of(this.api).acknowledge(
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs]', reason: 'AppSync\'s managed logging policy only lets the API write its own logs.' },
    );
    // The log group's retention is set by CDK's LogRetention function (one per stack).
    Validations.of(Stack.of(this)).acknowledge(
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'CDK\'s own provider functions only write their logs with this managed policy.' },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'CDK\'s LogRetention function sets the retention of log groups it learns at deploy time.' },
    );
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-ASC3',
      reason: 'Request logging is on at the ERROR field level (verbose content excluded); ALL would log every resolver call of every request, with its data.',
    });

    const bundles = props.bundles ?? bundleResolvers();
    this.bundleDir = mkdtempSync(join(tmpdir(), 'taskwire-appsync-'));
    writeBundles(bundles, this.bundleDir);
    const code = (kind: 'resolver' | 'function', name: string) => appsync.Code.fromAsset(join(this.bundleDir, `${kind}s`, `${name}.js`));

    const sources: Record<string, appsync.BaseDataSource> = {};
    for (const [name, ds] of Object.entries(manifest.dataSources)) {
      const dsName = appSyncName(name);
      switch (ds.type) {
        case 'AMAZON_DYNAMODB':
          sources[name] = this.api.addDynamoDbDataSource(`DataSource.${name}`, props.table, { name: dsName });
          Validations.of(sources[name]).acknowledge({ id: `AwsSolutions-IAM5[Resource::${props.tableIndexesFinding}]`, reason: 'Resolvers Query the table\'s own indexes (docs/access-patterns.md); the grant covers this table\'s indexes only.' });
          break;
        case 'NONE':
          sources[name] = this.api.addNoneDataSource(`DataSource.${name}`, { name: dsName });
          break;
        case 'AMAZON_EVENTBRIDGE':
          sources[name] = this.api.addEventBridgeDataSource(`DataSource.${name}`, props.bus, { name: dsName });
          break;
        case 'AWS_LAMBDA': {
          const fn = props.functions[ds.function];
          if (!fn) throw new Error(`data source ${name} names Lambda function ${ds.function}, which is not deployed`);
          sources[name] = this.api.addLambdaDataSource(`DataSource.${name}`, fn, { name: dsName });
          Validations.of(sources[name]).acknowledge({ id: `AwsSolutions-IAM5[Resource::${arnFinding(fn)}:*]`, reason: 'CDK lets the data source invoke this one function\'s versions and aliases too (`<arn>:*`).' });
          break;
        }
      }
    }

    const fns: Record<string, appsync.AppsyncFunction> = {};
    for (const [name, def] of Object.entries(manifest.functions)) {
      fns[name] = new appsync.AppsyncFunction(this, `Function.${name}`, {
        api: this.api,
        name: appSyncName(name),
        dataSource: sources[def.dataSource]!,
        runtime: appsync.FunctionRuntime.JS_1_0_0,
        code: code('function', name),
      });
    }

    for (const [field, def] of Object.entries(manifest.resolvers)) {
      const [typeName, fieldName] = field.split('.') as [string, string];
      new appsync.Resolver(this, `Resolver.${field}`, {
        api: this.api,
        typeName,
        fieldName,
        runtime: appsync.FunctionRuntime.JS_1_0_0,
        code: code('resolver', field),
        ...(def.kind === 'UNIT' ? { dataSource: sources[def.dataSource]! } : { pipelineConfig: def.functions.map((f) => fns[f]!) }),
      });
    }
  }
}
