/**
 * Bundles every resolver and pipeline function of resolvers/manifest.ts with esbuild, the way AppSync
 * expects APPSYNC_JS code (one ESM file, `@aws-appsync/*` external), and checks the manifest against
 * schema.graphql so a typo fails the build, not production. Used by `npm run build` (files for CDK) and
 * by the local runtime at start (in memory) — the same bundles run in both places.
 */
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, buildSync } from 'esbuild';
import { isObjectType } from 'graphql';
import { dataSources, functions, resolvers, type ResolverDef } from '../../resolvers/manifest.ts';
import { lambdas } from '../../functions/manifest.ts';
import { loadSchema } from './schema.ts';
import { MAX_PIPELINE_FUNCTIONS, type Bundle, type BundleSet } from '../../packages/appsync-local/src/appsync/bundles.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RESOLVERS_DIR = join(ROOT, 'resolvers');
/** AppSync's limit on a resolver's or function's code size. */
export const CODE_LIMIT = 32_768;
// The bundle shapes and AppSync's pipeline limit are the runtime package's (it is what consumes them).
export { MAX_PIPELINE_FUNCTIONS, type Bundle, type BundleSet } from '../../packages/appsync-local/src/appsync/bundles.ts';

/** Checks the manifest against the schema and itself; returns every problem found (empty = consistent). */
export function checkManifest(): string[] {
  const schema = loadSchema();
  const problems: string[] = [];
  const lambdaNames = new Set(Object.keys(lambdas));
  for (const [name, ds] of Object.entries(dataSources) as [string, { type: string; function?: string }][]) {
    if (ds.type === 'AWS_LAMBDA' && !lambdaNames.has(ds.function ?? '')) {
      problems.push(`data source ${name} names unknown Lambda function ${ds.function}`);
    }
  }
  for (const [name, fn] of Object.entries(functions) as [string, { file: string; dataSource: string }][]) {
    if (!(fn.dataSource in dataSources)) problems.push(`function ${name} uses unknown data source ${fn.dataSource}`);
    if (!existsSync(join(RESOLVERS_DIR, fn.file))) problems.push(`function ${name}: file resolvers/${fn.file} is missing`);
  }
  for (const [field, def] of Object.entries(resolvers)) {
    const [typeName, fieldName, extra] = field.split('.');
    const type = schema.getType(typeName ?? '');
    if (extra !== undefined || !type || !isObjectType(type) || !type.getFields()[fieldName ?? '']) {
      problems.push(`resolver ${field}: no such field in schema.graphql`);
    }
    if (!existsSync(join(RESOLVERS_DIR, def.file))) problems.push(`resolver ${field}: file resolvers/${def.file} is missing`);
    problems.push(...checkResolverDef(field, def));
  }
  return problems;
}

function checkResolverDef(field: string, def: ResolverDef): string[] {
  if (def.kind === 'UNIT') {
    return def.dataSource in dataSources ? [] : [`resolver ${field} uses unknown data source ${def.dataSource}`];
  }
  const problems: string[] = [];
  if (def.functions.length === 0) problems.push(`pipeline ${field} has no functions`);
  if (def.functions.length > MAX_PIPELINE_FUNCTIONS) {
    problems.push(`pipeline ${field} has ${def.functions.length} functions (AppSync allows ${MAX_PIPELINE_FUNCTIONS})`);
  }
  for (const fn of def.functions as string[]) {
    if (!(fn in functions)) problems.push(`pipeline ${field} references unknown function ${fn}`);
  }
  return problems;
}

function buildOptions(file: string) {
  const entry = join(RESOLVERS_DIR, file);
  return {
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm' as const,
    platform: 'neutral' as const,
    target: 'es2020',
    external: ['@aws-appsync/*'],
    sourcesContent: false,
    logLevel: 'silent' as const,
  };
}

// Inline source maps (so errors name the .ts file and line) only while the bundle stays well under
// AppSync's code limit; otherwise ship the plain bundle.
const withSourceMap = (common: ReturnType<typeof buildOptions>) => ({ ...common, sourcemap: 'inline' as const, sourceRoot: RESOLVERS_DIR });
const needsPlain = (code: string) => code.length > CODE_LIMIT * 0.75;

function bundleFile(name: string, kind: Bundle['kind'], file: string): Bundle {
  const common = buildOptions(file);
  let code = buildSync(withSourceMap(common)).outputFiles![0]!.text;
  if (needsPlain(code)) code = buildSync(common).outputFiles![0]!.text;
  return { name, kind, sourceFile: file, code };
}

async function bundleFileAsync(name: string, kind: Bundle['kind'], file: string): Promise<Bundle> {
  const common = buildOptions(file);
  let code = (await build(withSourceMap(common))).outputFiles![0]!.text;
  if (needsPlain(code)) code = (await build(common)).outputFiles![0]!.text;
  return { name, kind, sourceFile: file, code };
}

function checkedManifest(): void {
  const problems = checkManifest();
  if (problems.length > 0) throw new Error(`resolvers/manifest.ts is inconsistent:\n  ${problems.join('\n  ')}`);
}

function checkedSet(set: BundleSet): BundleSet {
  const tooBig = [...set.resolvers.values(), ...set.functions.values()].filter((b) => b.code.length > CODE_LIMIT);
  if (tooBig.length > 0) {
    throw new Error(`bundles over AppSync's ${CODE_LIMIT}-character limit: ${tooBig.map((b) => `${b.name} (${b.code.length})`).join(', ')}`);
  }
  return set;
}

/** Bundles everything in the manifest. Throws with every problem listed when the manifest is inconsistent. */
export function bundleResolvers(): BundleSet {
  checkedManifest();
  const set: BundleSet = { resolvers: new Map(), functions: new Map() };
  for (const [name, fn] of Object.entries(functions) as [string, { file: string }][]) {
    set.functions.set(name, bundleFile(name, 'function', fn.file));
  }
  for (const [field, def] of Object.entries(resolvers)) {
    set.resolvers.set(field, bundleFile(field, 'resolver', def.file));
  }
  return checkedSet(set);
}

/**
 * The same bundles as `bundleResolvers()` (same options, same order), built side by side by esbuild's
 * service without blocking the event loop: the local runtime bundles while its services start.
 */
export async function bundleResolversAsync(): Promise<BundleSet> {
  checkedManifest();
  const fns = Object.entries(functions) as [string, { file: string }][];
  const res = Object.entries(resolvers);
  const [builtFns, builtRes] = await Promise.all([
    Promise.all(fns.map(([name, fn]) => bundleFileAsync(name, 'function', fn.file))),
    Promise.all(res.map(([field, def]) => bundleFileAsync(field, 'resolver', def.file))),
  ]);
  return checkedSet({
    functions: new Map(builtFns.map((b) => [b.name, b])),
    resolvers: new Map(builtRes.map((b) => [b.name, b])),
  });
}

/** Writes the bundles to `outDir/resolvers/<Type.field>.js` and `outDir/functions/<name>.js` (read by CDK). */
export function writeBundles(set: BundleSet, outDir: string): void {
  for (const b of [...set.resolvers.values(), ...set.functions.values()]) {
    const path = join(outDir, `${b.kind}s`, `${b.name}.js`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, b.code);
  }
}

export function readSchemaSource(): string {
  return readFileSync(join(ROOT, 'schema.graphql'), 'utf8');
}
