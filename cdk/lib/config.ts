/**
 * The deployment's configuration, from CDK context (`cdk.json`, or `-c key=value` on the command line),
 * parsed and checked once. No account ids or secrets live here: the account and region come from the
 * AWS credentials the CLI runs with. Every key and its default is listed in the README ("Deploy to AWS").
 */
import type { Node } from 'constructs';

export interface TaskwireConfig {
  /** Names every stack (`Taskwire-<stage>-…`) and resource; `prod` also keeps stricter defaults. */
  stage: string;
  /** The web client's own domain (needs `certificateArn`, an ACM certificate in us-east-1); else CloudFront's. */
  domain?: string;
  certificateArn?: string;
  /** The SES sender identity (an email address, or a domain) for notification and report emails. */
  senderEmail?: string;
  /** Subscribed (by email) to the alarm topic. */
  alarmEmail?: string;
  /** AppSync introspection (the schema is public in this repository; turn off to hide it from scanners). */
  introspection: boolean;
  /** AppSync's query depth limit (0 = none, else 1–75) and resolver count limit (1–10000): the local runtime's defaults. */
  queryDepthLimit: number;
  resolverCountLimit: number;
  /** Days CloudWatch keeps function and API logs. */
  logRetentionDays: number;
  /** The optional CDK Pipelines stack (off by default). */
  pipeline?: { connectionArn: string; repository: string; branch: string };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function str(node: Node, key: string): string | undefined {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new ConfigError(`context ${key} must be a string, not ${JSON.stringify(v)}`);
  return v;
}

function bool(node: Node, key: string, fallback: boolean): boolean {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined || v === null || v === '') return fallback;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw new ConfigError(`context ${key} must be true or false, not ${JSON.stringify(v)}`);
}

function int(node: Node, key: string, fallback: number, min: number, max: number): number {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined || v === null || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`context ${key} must be an integer from ${min} to ${max}, not ${JSON.stringify(v)}`);
  return n;
}

export function readConfig(node: Node): TaskwireConfig {
  const stage = str(node, 'stage') ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage)) throw new ConfigError(`context stage must be 1–16 lowercase letters, digits or dashes, not "${stage}"`);
  const domain = str(node, 'domain');
  const certificateArn = str(node, 'certificateArn');
  if (domain && !certificateArn) throw new ConfigError('context domain needs certificateArn too (an ACM certificate for it in us-east-1)');
  const senderEmail = str(node, 'senderEmail');
  if (senderEmail !== undefined && !/^([^@\s]+@)?[^@\s]+\.[^@\s]+$/.test(senderEmail)) throw new ConfigError(`context senderEmail must be an email address or a domain, not "${senderEmail}"`);
  const alarmEmail = str(node, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) throw new ConfigError(`context alarmEmail must be an email address, not "${alarmEmail}"`);
  let pipeline: TaskwireConfig['pipeline'];
  if (bool(node, 'pipeline', false)) {
    const connectionArn = str(node, 'pipelineConnectionArn');
    const repository = str(node, 'pipelineRepository');
    if (!connectionArn || !repository) {
      throw new ConfigError('context pipeline=true needs pipelineConnectionArn (a CodeConnections connection) and pipelineRepository (owner/name)');
    }
    pipeline = { connectionArn, repository, branch: str(node, 'pipelineBranch') ?? 'main' };
  }
  return {
    stage,
    ...(domain ? { domain, certificateArn } : {}),
    ...(senderEmail ? { senderEmail } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    introspection: bool(node, 'introspection', stage !== 'prod'),
    queryDepthLimit: int(node, 'queryDepthLimit', 0, 0, 75),
    resolverCountLimit: int(node, 'resolverCountLimit', 10_000, 1, 10_000),
    logRetentionDays: int(node, 'logRetentionDays', 30, 1, 3653),
    ...(pipeline ? { pipeline } : {}),
  };
}
