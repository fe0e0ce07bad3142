/**
 * `@aws-appsync/utils/dynamodb` is a types-only subpath without an `exports` map, which TypeScript's
 * NodeNext resolution cannot find from ESM code. This declares it (AppSync resolves it at run time;
 * esbuild keeps `@aws-appsync/*` external).
 */
declare module '@aws-appsync/utils/dynamodb' {
  export * from '@aws-appsync/utils/lib/dynamodb-helpers.js';
}
