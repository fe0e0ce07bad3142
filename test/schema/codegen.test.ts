import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('npm run codegen', () => {
  it('is up to date: regenerating changes no committed file', async () => {
    const outputs = await generate({ ...config, cwd: ROOT, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const out of outputs) {
      expect(readFileSync(join(ROOT, out.filename), 'utf8'), `${out.filename} is stale: run npm run codegen`).toBe(out.content);
    }
  });
});
