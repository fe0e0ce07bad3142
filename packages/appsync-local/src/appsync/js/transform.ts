/**
 * Turns a validated ESM resolver bundle into a factory expression runnable in the sandbox:
 *   (function (__tw$m, __tw$t) { "use strict"; <module body>; return { request, response }; })
 * - `import { a as b } from 'M'` becomes `const { a: b } = __tw$m["M"];` (the runtime supplies M);
 * - `export` keywords are dropped and the exported handlers returned;
 * - every function entry and loop iteration calls `__tw$t()`, the time-limit check. (node:vm's own
 *   `timeout` starts a watchdog thread per call, ~90 µs measured: too slow for the request path.)
 * Edits never add or remove newlines, and `toOriginal` maps generated offsets back to the source.
 */
import { fullAncestor } from 'acorn-walk';
import type { Node } from 'acorn';
import type { AnyNode } from './scope.ts';

export const MODULES_PARAM = '__tw$m';
export const TICK_PARAM = '__tw$t';

interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface TransformedModule {
  /** The factory expression's source. */
  source: string;
  /** Where the original code starts in `source` (after the factory's header). */
  bodyOffset: number;
  /** Generated offset (relative to bodyOffset) → original offset. */
  toOriginal(generated: number): number;
  /** Names imported per module specifier, for checking against what the runtime provides. */
  imports: { module: string; names: string[]; namespace: boolean; node: AnyNode }[];
  /** Exported name → local name. */
  exports: Map<string, string>;
}

export class UnsupportedModuleSyntax extends Error {
  constructor(readonly node: AnyNode, message: string) {
    super(message);
  }
}

export function transformModule(code: string, program: AnyNode): TransformedModule {
  const edits: Edit[] = [];
  const imports: TransformedModule['imports'] = [];
  const exports = new Map<string, string>();
  const keepNewlines = (start: number, end: number) => code.slice(start, end).replace(/[^\n]/g, '');

  for (const stmt of program.body as AnyNode[]) {
    switch (stmt.type) {
      case 'ImportDeclaration': {
        const module = stmt.source.value as string;
        const names: string[] = [];
        let namespace = false;
        const parts: string[] = [];
        let nsLocal: string | undefined;
        for (const spec of stmt.specifiers as AnyNode[]) {
          if (spec.type === 'ImportSpecifier') {
            const imported = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
            names.push(imported);
            parts.push(`${JSON.stringify(imported)}: ${spec.local.name}`);
          } else if (spec.type === 'ImportNamespaceSpecifier') {
            namespace = true;
            nsLocal = spec.local.name;
          } else {
            throw new UnsupportedModuleSyntax(spec, `${module} has no default export`);
          }
        }
        imports.push({ module, names, namespace, node: stmt });
        const ref = `${MODULES_PARAM}[${JSON.stringify(module)}]`;
        let text = '';
        if (parts.length) text += `const { ${parts.join(', ')} } = ${ref};`;
        if (nsLocal) text += `const ${nsLocal} = ${ref};`;
        edits.push({ start: stmt.start, end: stmt.end, text: text + keepNewlines(stmt.start, stmt.end) });
        break;
      }
      case 'ExportNamedDeclaration':
        if (stmt.source) throw new UnsupportedModuleSyntax(stmt, 're-exports from another module are not supported');
        if (stmt.declaration) {
          const decl = stmt.declaration as AnyNode;
          if (decl.type === 'FunctionDeclaration') exports.set(decl.id.name, decl.id.name);
          else if (decl.type === 'VariableDeclaration') {
            for (const d of decl.declarations) if (d.id.type === 'Identifier') exports.set(d.id.name, d.id.name);
          }
          edits.push({ start: stmt.start, end: decl.start, text: keepNewlines(stmt.start, decl.start) });
        } else {
          for (const spec of stmt.specifiers as AnyNode[]) {
            const exported = spec.exported.type === 'Identifier' ? spec.exported.name : String(spec.exported.value);
            exports.set(exported, spec.local.name);
          }
          edits.push({ start: stmt.start, end: stmt.end, text: keepNewlines(stmt.start, stmt.end) });
        }
        break;
      case 'ExportDefaultDeclaration': {
        // Only named `request`/`response` exports are handlers; a default export is evaluated and ignored.
        const decl = stmt.declaration as AnyNode;
        const isDecl = decl.type === 'FunctionDeclaration' && decl.id;
        edits.push({ start: stmt.start, end: decl.start, text: (isDecl ? '' : 'void ') + keepNewlines(stmt.start, decl.start) });
        break;
      }
      case 'ExportAllDeclaration':
        throw new UnsupportedModuleSyntax(stmt, 'export * is not supported');
    }
  }

  // Time-limit instrumentation.
  const tick = `${TICK_PARAM}();`;
  fullAncestor(program as Node, (n) => {
    const node = n as AnyNode;
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      const body = node.body as AnyNode;
      if (body.type === 'BlockStatement') edits.push({ start: body.start + 1, end: body.start + 1, text: tick });
      else {
        edits.push({ start: body.start, end: body.start, text: `(${TICK_PARAM}(), ` });
        edits.push({ start: body.end, end: body.end, text: ')' });
      }
    } else if (node.type === 'ForInStatement' || node.type === 'ForOfStatement') {
      const body = node.body as AnyNode;
      if (body.type === 'BlockStatement') edits.push({ start: body.start + 1, end: body.start + 1, text: tick });
      else {
        edits.push({ start: body.start, end: body.start, text: `{${tick}` });
        edits.push({ start: body.end, end: body.end, text: '}' });
      }
    }
  });

  // Apply edits in order; insertions at the same offset keep their push order.
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = '';
  let cursor = 0;
  // Segments: [generatedStart, originalStart, length, copied?]
  const segments: [number, number, number, boolean][] = [];
  for (const e of ordered) {
    if (e.start < cursor) continue; // inside a replaced import/export: nothing to instrument there
    segments.push([out.length, cursor, e.start - cursor, true]);
    out += code.slice(cursor, e.start);
    segments.push([out.length, e.start, e.text.length, false]);
    out += e.text;
    cursor = e.end;
  }
  segments.push([out.length, cursor, code.length - cursor, true]);
  out += code.slice(cursor);

  const exported = [...exports].map(([name, local]) => `${JSON.stringify(name)}: ${local}`).join(', ');
  const header = `(function (${MODULES_PARAM}, ${TICK_PARAM}) {"use strict";\n`;
  const source = `${header}${out}\n;return { ${exported} };\n})`;

  const toOriginal = (generated: number): number => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid][0] <= generated) lo = mid;
      else hi = mid - 1;
    }
    const [gStart, oStart, len, copied] = segments[lo];
    return copied ? oStart + Math.min(generated - gStart, len) : oStart;
  };
  return { source, bodyOffset: header.length, toOriginal, imports, exports };
}
