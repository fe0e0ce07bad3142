/**
 * Test support for the local AppSync.
 * - `bundlesFromCode`: resolver bundles from APPSYNC_JS code a test writes (ESM, `@aws-appsync/utils`
 *   external), in the shape `bundleResolvers()` returns.
 */
import type { BundleSet } from '../../scripts/lib/bundle-resolvers.ts';

export function bundlesFromCode(resolvers: Record<string, string>, functions: Record<string, string> = {}): BundleSet {
  const set: BundleSet = { resolvers: new Map(), functions: new Map() };
  for (const [name, code] of Object.entries(resolvers)) set.resolvers.set(name, { name, kind: 'resolver', sourceFile: `${name}.js`, code });
  for (const [name, code] of Object.entries(functions)) set.functions.set(name, { name, kind: 'function', sourceFile: `${name}.js`, code });
  return set;
}
