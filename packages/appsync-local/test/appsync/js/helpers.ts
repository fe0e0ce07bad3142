/** Test support: build resolver snippets the way the project's build does (esbuild, ESM, externals). */
import { buildSync } from 'esbuild';
import type { ContextInput } from '../../../src/appsync/types.ts';
import { compileResolverCode, type CompiledCode } from '../../../src/appsync/js/index.ts';

export function bundle(source: string, opts: { sourcemap?: boolean; sourcefile?: string } = {}): string {
  const result = buildSync({
    stdin: { contents: source, loader: 'ts', sourcefile: opts.sourcefile ?? 'resolver.ts', resolveDir: process.cwd() },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['@aws-appsync/*'],
    sourcemap: opts.sourcemap ? 'inline' : false,
    sourcesContent: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export function compile(source: string, fileName = 'Query.test.js'): CompiledCode {
  return compileResolverCode(bundle(source), { fileName });
}

export function makeContext(overrides: Partial<ContextInput> = {}): ContextInput {
  return {
    arguments: {},
    source: null,
    identity: null,
    stash: {},
    info: { fieldName: 'task', parentTypeName: 'Query', variables: {}, selectionSetList: ['id', 'title'], selectionSetGraphQL: '{ id title }' },
    request: { headers: { 'x-test': '1' }, domainName: null },
    env: {},
    ...overrides,
  };
}
