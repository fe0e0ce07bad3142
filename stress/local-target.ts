/** A Target for a runtime started in this process (local/start.ts `LocalRuntime`, e.g. from test/support/runtime.ts). */
import type { LocalRuntime } from '../local/start.ts';
import { LOCAL_TABLE_NAME } from '../model/table.ts';
import { Target, type StackInfo } from './target.ts';

export function stackInfoOf(runtime: LocalRuntime): StackInfo {
  return {
    port: runtime.server.port,
    caCertPem: runtime.caCertPem,
    cognitoEndpoint: runtime.urls.cognito,
    clientId: runtime.pool.clientId,
    dynamoDbEndpoint: runtime.urls.dynamodb,
    tableName: LOCAL_TABLE_NAME,
    schedulerEndpoint: runtime.urls.scheduler,
    scheduleGroupName: runtime.events.env.scheduleGroupName,
    sesEndpoint: runtime.urls.ses,
  };
}

export const targetOf = (runtime: LocalRuntime): Target => new Target(stackInfoOf(runtime));
