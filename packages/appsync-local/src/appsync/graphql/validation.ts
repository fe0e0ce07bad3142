/**
 * Document validation with graphql-js, worded as AppSync (graphql-java) words it:
 *   Validation error of type FieldUndefined: Field 'x' in type 'Query' is undefined @ 'x'
 *   Validation error of type WrongType: argument 'input.dueAt' with value 'StringValue{value='x'}' is not a valid 'AWSDateTime' @ 'createTask'
 * FieldUndefined and WrongType are produced by our own rules (they need graphql-java's exact text);
 * the other graphql-js rules are mapped to graphql-java's ValidationErrorType names and reworded in
 * errors.ts. All rules run in one traversal, as graphql-java's do, so errors keep document order.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  specifiedRules,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  ExecutableDefinitionsRule,
  UniqueOperationNamesRule,
  LoneAnonymousOperationRule,
  SingleFieldSubscriptionsRule,
  KnownTypeNamesRule,
  FragmentsOnCompositeTypesRule,
  VariablesAreInputTypesRule,
  ScalarLeafsRule,
  FieldsOnCorrectTypeRule,
  UniqueFragmentNamesRule,
  KnownFragmentNamesRule,
  NoUnusedFragmentsRule,
  PossibleFragmentSpreadsRule,
  NoFragmentCyclesRule,
  UniqueVariableNamesRule,
  NoUndefinedVariablesRule,
  NoUnusedVariablesRule,
  KnownDirectivesRule,
  UniqueDirectivesPerLocationRule,
  KnownArgumentNamesRule,
  UniqueArgumentNamesRule,
  ValuesOfCorrectTypeRule,
  ProvidedRequiredArgumentsRule,
  VariablesInAllowedPositionRule,
  OverlappingFieldsCanBeMergedRule,
  UniqueInputFieldNamesRule,
} from 'graphql';
import { javaLiteral } from './scalars.ts';
import { VALIDATION_PREFIX as PREFIX, validationErrorTranslator, type NodePick, type RequestErrorEntry } from './errors.ts';

/** graphql-java's ValidationErrorType for each graphql-js rule we keep. */
const RULE_TYPES = new Map<ValidationRule, string>([
  [ExecutableDefinitionsRule, 'NonExecutableDefinition'],
  [UniqueOperationNamesRule, 'DuplicateOperationName'],
  [LoneAnonymousOperationRule, 'LoneAnonymousOperationViolation'],
  [SingleFieldSubscriptionsRule, 'SubscriptionMultipleRootFields'],
  [KnownTypeNamesRule, 'UnknownType'],
  [FragmentsOnCompositeTypesRule, 'InlineFragmentTypeConditionInvalid'],
  [VariablesAreInputTypesRule, 'NonInputTypeOnVariable'],
  [ScalarLeafsRule, 'SubSelectionRequired'],
  [UniqueFragmentNamesRule, 'DuplicateFragmentName'],
  [KnownFragmentNamesRule, 'UndefinedFragment'],
  [NoUnusedFragmentsRule, 'UnusedFragment'],
  [PossibleFragmentSpreadsRule, 'InvalidFragmentType'],
  [NoFragmentCyclesRule, 'FragmentCycle'],
  [UniqueVariableNamesRule, 'DuplicateVariableName'],
  [NoUndefinedVariablesRule, 'UndefinedVariable'],
  [NoUnusedVariablesRule, 'UnusedVariable'],
  [KnownDirectivesRule, 'UnknownDirective'],
  [UniqueDirectivesPerLocationRule, 'DuplicateDirectiveName'],
  [KnownArgumentNamesRule, 'UnknownArgument'],
  [UniqueArgumentNamesRule, 'DuplicateArgumentNames'],
  [ProvidedRequiredArgumentsRule, 'MissingFieldArgument'],
  [VariablesInAllowedPositionRule, 'VariableTypeMismatch'],
  [OverlappingFieldsCanBeMergedRule, 'FieldsConflict'],
  [UniqueInputFieldNamesRule, 'DuplicateInputField'],
]);

const REPLACED = new Set<ValidationRule>([FieldsOnCorrectTypeRule, ValuesOfCorrectTypeRule]);
const KEPT_RULES = specifiedRules.filter((rule) => !REPLACED.has(rule));

/** Query path of field names for a field node, as graphql-java appends it (`@ 'a/b'`). */
function fieldPathTracker() {
  const stack: string[] = [];
  return {
    enter(node: FieldNode) {
      stack.push(node.name.value);
    },
    leave() {
      stack.pop();
    },
    path: () => stack.join('/'),
  };
}

/** FieldUndefined; with introspection off, `__schema` and `__type` are undefined too (AppSync's docs). */
function fieldUndefinedRule(introspection: boolean): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const path = fieldPathTracker();
    return {
      Field: {
        enter(node) {
          path.enter(node);
          const parent = context.getParentType();
          if (!parent) return;
          const name = node.name.value;
          const hidden = !introspection && (name === '__schema' || name === '__type');
          if (!context.getFieldDef() || hidden) {
            context.reportError(
              new GraphQLError(
                `${PREFIX} FieldUndefined: Field '${name}' in type '${parent.name}' is undefined @ '${path.path()}'`,
                { nodes: node },
              ),
            );
          }
        },
        leave() {
          path.leave();
        },
      },
    };
  };
}

/** Why a literal does not fit `type` (graphql-java's WrongType wording), or null when it fits. */
function literalProblem(node: ValueNode, type: GraphQLInputType, argPath: string): string | null {
  const quoted = `argument '${argPath}' with value '${javaLiteral(node)}'`;
  if (node.kind === Kind.VARIABLE) return null; // VariablesInAllowedPosition checks those
  if (node.kind === Kind.NULL) return isNonNullType(type) ? `${quoted} must not be null` : null;
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) {
    const items = node.kind === Kind.LIST ? node.values : [node];
    for (const item of items) {
      const problem = literalProblem(item, nullable.ofType as GraphQLInputType, argPath);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (node.kind !== Kind.OBJECT) return `${quoted} is not a valid '${nullable.name}'`;
    const fields = nullable.getFields();
    for (const f of node.fields) {
      if (!fields[f.name.value]) return `${quoted} contains a field not in '${nullable.name}': '${f.name.value}'`;
    }
    const given = new Set(node.fields.map((f) => f.name.value));
    const missing = Object.values(fields)
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined && !given.has(f.name))
      .map((f) => f.name);
    if (missing.length > 0) return `${quoted} is missing required fields '[${missing.join(', ')}]'`;
    for (const f of node.fields) {
      const problem = literalProblem(f.value, fields[f.name.value]!.type, `${argPath}.${f.name.value}`);
      if (problem) return problem;
    }
    return null;
  }
  if (isEnumType(nullable) || isScalarType(nullable)) {
    let ok: boolean;
    try {
      ok = nullable.parseLiteral(node, undefined) !== undefined;
    } catch {
      ok = false;
    }
    return ok ? null : `${quoted} is not a valid '${getNamedType(nullable).name}'`;
  }
  return null;
}

function wrongTypeRule(context: ValidationContext): ASTVisitor {
  const path = fieldPathTracker();
  return {
    Field: { enter: (node) => path.enter(node), leave: () => path.leave() },
    Argument(node) {
      const arg = context.getArgument();
      if (!arg) return;
      const problem = literalProblem(node.value, arg.type, node.name.value);
      if (problem) context.reportError(new GraphQLError(`${PREFIX} WrongType: ${problem} @ '${path.path()}'`, { nodes: node }));
    },
  };
}

function rulesFor(introspection: boolean): ValidationRule[] {
  return [fieldUndefinedRule(introspection), wrongTypeRule, ...KEPT_RULES];
}

/** graphql-java's ValidationErrorType for an error a rule reported. */
function typeOf(rule: ValidationRule, error: GraphQLError): string {
  if (rule === ScalarLeafsRule && /must not have a selection/.test(error.message)) return 'SubSelectionNotAllowed';
  if (rule === KnownDirectivesRule && /may not be used on/.test(error.message)) return 'MisplacedDirective';
  return RULE_TYPES.get(rule) ?? 'InvalidSyntax';
}

/** graphql-java locates a type mismatch at the variable's use; graphql-js names its definition first. */
const PICKS = new Map<ValidationRule, NodePick>([[VariablesInAllowedPositionRule, 'last']]);

/** Validates a parsed document; returns AppSync's error entries (empty when valid). */
export function validateDocument(schema: GraphQLSchema, document: DocumentNode, introspection: boolean): RequestErrorEntry[] {
  const rules = rulesFor(introspection);
  const reportedBy = new Map<GraphQLError, ValidationRule>();
  // Each rule sees the context through a proxy that notes which rule reported an error.
  const tagged = rules.map(
    (rule): ValidationRule =>
      (context) =>
        rule(
          new Proxy(context, {
            get(target, prop) {
              if (prop === 'reportError') {
                return (error: GraphQLError) => {
                  reportedBy.set(error, rule);
                  target.reportError(error);
                };
              }
              const value: unknown = Reflect.get(target, prop, target);
              return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
            },
          }),
        ),
  );
  const errors = validate(schema, document, tagged, { maxErrors: 100 });
  if (errors.length === 0) return [];
  const translator = validationErrorTranslator(document);
  return errors
    .map((error) => {
      const rule = reportedBy.get(error);
      // Only graphql-js's own "too many errors" error has no rule.
      return translator.translate(rule ? typeOf(rule, error) : 'InvalidSyntax', error, (rule && PICKS.get(rule)) ?? 'all');
    })
    .map((t, i) => ({ ...t, i }))
    .sort((a, b) => a.order - b.order || a.i - b.i)
    .map((t) => t.entry);
}
