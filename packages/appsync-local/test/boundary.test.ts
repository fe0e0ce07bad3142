/**
 * The package knows no product: no file under packages/appsync-local, its sources and its tests alike,
 * imports (statically, dynamically, by require, by re-export or as a `new URL(…, import.meta.url)`) a
 * relative path that leaves the package, and none reads a host project's files by name
 * (schema.graphql, resolvers/, model/, functions/, scripts/, local/).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules') return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|mts|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier: import/export … from, import(), require(), import 'x'. */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]/g,
    /\brequire(?:Cjs)?\s*\(\s*['"`]([^'"`]+)['"`]/g,
    /\bnew URL\s*\(\s*['"`]([^'"`]+)['"`]\s*,\s*import\.meta\.url/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

const PRODUCT_PATHS = /(?:^|['"`/])(?:schema\.graphql|resolvers\/manifest|functions\/manifest|model\/(?:table|keys)|scripts\/lib\/|local\/(?:start|config|lambdas|seed|outputs))/;

describe('package boundary', () => {
  const files = sourceFiles(PACKAGE_ROOT).filter((f) => f !== fileURLToPath(import.meta.url));

  it('finds the package sources and its tests', () => {
    expect(files.some((f) => f.endsWith(`${sep}src${sep}index.ts`))).toBe(true);
    expect(files.length).toBeGreaterThan(20);
    const tests = files.filter((f) => relative(PACKAGE_ROOT, f).startsWith(`test${sep}`));
    expect(tests.some((f) => f.endsWith('.test.ts'))).toBe(true);
    expect(tests.length).toBeGreaterThan(40);
  });

  it('the specifier parser sees every import form', () => {
    const found = specifiers(`import a from '../x.ts';\nexport { b } from "./y.ts";\nimport './z.ts';\nconst c = await import('../../w.ts');\nrequire('q');\nnew URL('../../v.graphql', import.meta.url);`);
    expect(found.sort()).toEqual(['../../v.graphql', '../../w.ts', '../x.ts', './y.ts', './z.ts', 'q']);
  });

  it('no file imports outside the package', () => {
    const escapes: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
        const target = resolve(dirname(file), spec);
        if (relative(PACKAGE_ROOT, target).startsWith('..') || spec.startsWith('/')) escapes.push(`${relative(PACKAGE_ROOT, file)} → ${spec}`);
      }
    }
    expect(escapes).toEqual([]);
  });

  it('no file names a host project path', () => {
    const hits = files
      .filter((f) => PRODUCT_PATHS.test(readFileSync(f, 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, '')))
      .map((f) => relative(PACKAGE_ROOT, f));
    expect(hits).toEqual([]);
  });
});
