/**
 * A small lexical-scope model over an acorn AST: enough to tell, for an identifier, whether it names
 * a function (declaration, or a variable initialised with a function), a parameter, an import, or
 * nothing declared in the module (a global). The validation rules that the eslint plugin implements
 * with the TypeScript checker (no-recursion, no-function-passing, …) use it instead.
 */
import type { Node } from 'acorn';
import { fullAncestor } from 'acorn-walk';

export type BindingKind = 'function' | 'variable' | 'param' | 'import';

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The function node when the binding holds a function (declaration or `const f = () => …`). */
  fn?: AnyNode;
}

// acorn's node types are a union with many members; rules read fields by name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNode = Node & Record<string, any>;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export function isFunctionNode(node: AnyNode | null | undefined): boolean {
  return !!node && FUNCTION_TYPES.has(node.type);
}

function isScopeNode(node: AnyNode): boolean {
  return (
    node.type === 'Program' ||
    node.type === 'BlockStatement' ||
    node.type === 'ForInStatement' ||
    node.type === 'ForOfStatement' ||
    node.type === 'ForStatement' ||
    node.type === 'SwitchStatement' ||
    isFunctionNode(node)
  );
}

function patternNames(pattern: AnyNode | null, out: string[] = []): string[] {
  if (!pattern) return out;
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const p of pattern.properties) patternNames(p.type === 'RestElement' ? p.argument : p.value, out);
      break;
    case 'ArrayPattern':
      for (const el of pattern.elements) patternNames(el, out);
      break;
    case 'RestElement':
      patternNames(pattern.argument, out);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, out);
      break;
  }
  return out;
}

export class ScopeModel {
  private readonly scopes = new Map<AnyNode, Map<string, Binding>>();

  constructor(program: AnyNode) {
    fullAncestor(program as Node, (n, _state, ancestors) => {
      const node = n as AnyNode;
      const parents = ancestors.slice(0, -1) as AnyNode[];
      switch (node.type) {
        case 'FunctionDeclaration':
          if (node.id) this.declare(nearest(parents, isScopeNode), { name: node.id.name, kind: 'function', fn: node });
          this.declareParams(node);
          break;
        case 'FunctionExpression':
          if (node.id) this.declare(node, { name: node.id.name, kind: 'function', fn: node });
          this.declareParams(node);
          break;
        case 'ArrowFunctionExpression':
          this.declareParams(node);
          break;
        case 'VariableDeclaration': {
          const scope =
            node.kind === 'var'
              ? nearest(parents, (p) => p.type === 'Program' || isFunctionNode(p))
              : nearest(parents, isScopeNode);
          for (const decl of node.declarations) {
            const fn = isFunctionNode(decl.init) ? decl.init : undefined;
            for (const name of patternNames(decl.id)) {
              this.declare(scope, { name, kind: fn && decl.id.type === 'Identifier' ? 'function' : 'variable', fn });
            }
          }
          break;
        }
        case 'ImportDeclaration':
          for (const spec of node.specifiers) this.declare(program, { name: spec.local.name, kind: 'import' });
          break;
      }
    });
  }

  private declareParams(fn: AnyNode): void {
    for (const param of fn.params) for (const name of patternNames(param)) this.declare(fn, { name, kind: 'param' });
  }

  private declare(scope: AnyNode | undefined, binding: Binding): void {
    if (!scope) return;
    let map = this.scopes.get(scope);
    if (!map) this.scopes.set(scope, (map = new Map()));
    // A function-valued binding wins over a plain one of the same name (var re-declarations).
    const existing = map.get(binding.name);
    if (!existing || binding.kind === 'function') map.set(binding.name, binding);
  }

  /** The binding an identifier refers to, given its ancestors (outermost first, the node last). */
  resolve(name: string, ancestors: readonly AnyNode[]): Binding | undefined {
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const binding = this.scopes.get(ancestors[i])?.get(name);
      if (binding) return binding;
    }
    return undefined;
  }
}

function nearest(parents: AnyNode[], test: (n: AnyNode) => boolean): AnyNode | undefined {
  for (let i = parents.length - 1; i >= 0; i--) if (test(parents[i])) return parents[i];
  return undefined;
}
