/**
 * One synthesis that bundles every Lambda function of functions/manifest.ts with the repository's own
 * esbuild (offline, no Docker), checked by loading each bundle.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdas } from '../lib/repo.ts';
import { synthesize, type Synthesized } from './support.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthesize({ bundleLambdas: true });
});

describe('synthesis', () => {
  it('bundles each manifest function into one CommonJS file for Node.js 22 on arm64 that exports its handler', () => {
    const fns = Object.values(s.stateless.findResources('AWS::Lambda::Function')) as { Properties: Record<string, any> }[];
    const require = createRequire(import.meta.url);
    for (const [name, def] of Object.entries(lambdas)) {
      const fn = fns.find((f) => f.Properties.Description === def.description);
      expect(fn, name).toBeDefined();
      expect([name, fn!.Properties.Runtime, fn!.Properties.Architectures]).toEqual([name, 'nodejs22.x', ['arm64']]);
      const key = fn!.Properties.Code.S3Key as string;
      const bundle = join(s.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.js');
      expect(existsSync(bundle), bundle).toBe(true);
      const mod = require(bundle) as { handler?: unknown };
      expect([name, typeof mod.handler]).toEqual([name, 'function']);
    }
  });
});
