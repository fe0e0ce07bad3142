/**
 * Every APPSYNC_JS bundle of resolvers/manifest.ts (the same ones CDK deploys and the local runtime
 * runs): none issues a Scan (or Sync, a scan in disguise), and each stays under AppSync's
 * 32,768-character code limit.
 */
import { describe, expect, it } from 'vitest';
import { buildSync } from 'esbuild';
import { bundleResolvers, bundleResolversAsync, CODE_LIMIT } from '../../scripts/lib/bundle-resolvers.ts';

/** Names the ways a bundle can ask DynamoDB for a scan; returns what it found. */
export function scanUses(code: string): string[] {
  const found: string[] = [];
  if (/\.(scan|sync)\s*\(/.test(code)) found.push('ddb.scan/ddb.sync call');
  if (/import\s*\{[^}]*\b(scan|sync)\b[^}]*\}\s*from\s*["']@aws-appsync\/utils\/dynamodb["']/.test(code)) found.push('scan/sync import');
  if (/["'](Scan|Sync)["']/.test(code)) found.push('raw Scan/Sync operation');
  return found;
}

const set = bundleResolvers();
const bundles = [...set.resolvers.values(), ...set.functions.values()];

describe('resolver bundles', () => {
  it('include every resolver and function of the manifest', () => {
    expect(set.resolvers.size).toBeGreaterThan(20);
    expect(set.functions.get('authorize')).toBeDefined();
  });

  it('are the same, in the same order, when built side by side (bundleResolversAsync, as the local runtime does)', async () => {
    const other = await bundleResolversAsync();
    expect([...other.functions]).toEqual([...set.functions]);
    expect([...other.resolvers]).toEqual([...set.resolvers]);
  });

  it.each(bundles.map((b) => [b.name, b] as const))('%s issues no Scan and fits the code limit', (_name, b) => {
    expect(scanUses(b.code)).toEqual([]);
    expect(b.code.length).toBeLessThan(CODE_LIMIT);
  });

  it('the detector catches a scan written any of the usual ways', () => {
    const bundle = (src: string) =>
      buildSync({ stdin: { contents: src, loader: 'ts' }, bundle: true, write: false, format: 'esm', external: ['@aws-appsync/*'] })
        .outputFiles[0]!.text;
    expect(scanUses(bundle(`import * as ddb from '@aws-appsync/utils/dynamodb'; export const request = () => ddb.scan({});`))).not.toEqual([]);
    expect(scanUses(bundle(`import { scan } from '@aws-appsync/utils/dynamodb'; export const request = () => scan({});`))).not.toEqual([]);
    expect(scanUses(bundle(`export const request = () => ({ operation: 'Scan' });`))).not.toEqual([]);
    expect(scanUses(bundle(`import * as ddb from '@aws-appsync/utils/dynamodb'; export const request = () => ddb.query({ query: {} });`))).toEqual([]);
  });
});
