/**
 * Resolver bundles from APPSYNC_JS code a test writes (ESM, `@aws-appsync/utils` imported as on
 * AppSync), in the shape the app takes as `bundles`.
 *
 *   bundlesFromCode({ 'Query.echo': 'export function request(ctx) {...} export function response(ctx) {...}' })
 */
import type { BundleSet } from '../../src/appsync/bundles.ts';

export function bundlesFromCode(resolvers: Record<string, string>, functions: Record<string, string> = {}): BundleSet {
  const set: BundleSet = { resolvers: new Map(), functions: new Map() };
  for (const [name, code] of Object.entries(resolvers)) set.resolvers.set(name, { name, kind: 'resolver', sourceFile: `${name}.js`, code });
  for (const [name, code] of Object.entries(functions)) set.functions.set(name, { name, kind: 'function', sourceFile: `${name}.js`, code });
  return set;
}
