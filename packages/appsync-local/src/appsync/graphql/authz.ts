/**
 * Field-level authorization from AppSync's auth directives (developer guide, "Configuring
 * authorization and authentication": using additional authorization modes):
 * - a field with directives allows exactly the modes they name;
 * - otherwise the field's type (its parent object type) decides the same way;
 * - with no directive on either, only the API's default mode is allowed;
 * - `@aws_cognito_user_pools(cognito_groups: [...])` (and the legacy `@aws_auth`) further require one
 *   of those groups;
 * - an AWS_LAMBDA authorizer's `deniedFields` (`Type.field`) are refused whatever the directives say.
 * The decision per `Type.field` is computed once, when the app is built.
 */
import { isObjectType, type ConstDirectiveNode, type GraphQLSchema } from 'graphql';
import type { AuthMode, AuthResult, CognitoIdentity } from '../types.ts';

interface ModeRule {
  mode: AuthMode;
  /** Cognito only: the caller must be in one of these groups (null = any user of the pool). */
  groups: string[] | null;
}

const DIRECTIVE_MODES: Record<string, AuthMode> = {
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
  aws_iam: 'AWS_IAM',
  aws_lambda: 'AWS_LAMBDA',
  aws_api_key: 'API_KEY',
  aws_oidc: 'OPENID_CONNECT',
};

function rulesFrom(directives: readonly ConstDirectiveNode[] | undefined): ModeRule[] {
  const rules: ModeRule[] = [];
  for (const directive of directives ?? []) {
    const mode = DIRECTIVE_MODES[directive.name.value];
    if (!mode) continue;
    const groupsArg = directive.arguments?.find((a) => a.name.value === 'cognito_groups');
    let groups: string[] | null = null;
    if (groupsArg && groupsArg.value.kind === 'ListValue') {
      groups = groupsArg.value.values.flatMap((v) => (v.kind === 'StringValue' ? [v.value] : []));
    } else if (groupsArg && groupsArg.value.kind === 'StringValue') {
      groups = [groupsArg.value.value];
    }
    rules.push({ mode, groups });
  }
  return rules;
}

export interface FieldAuthorizer {
  /** True when `auth` may read `typeName.fieldName`. */
  allows(typeName: string, fieldName: string, auth: AuthResult): boolean;
}

export function createFieldAuthorizer(schema: GraphQLSchema, defaultMode: AuthMode): FieldAuthorizer {
  const table = new Map<string, ModeRule[]>();
  const defaultRules: ModeRule[] = [{ mode: defaultMode, groups: null }];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRules = rulesFrom(type.astNode?.directives);
    for (const field of Object.values(type.getFields())) {
      const fieldRules = rulesFrom(field.astNode?.directives);
      const rules = fieldRules.length > 0 ? fieldRules : typeRules.length > 0 ? typeRules : defaultRules;
      table.set(`${type.name}.${field.name}`, rules);
    }
  }
  return {
    allows(typeName, fieldName, auth) {
      const key = `${typeName}.${fieldName}`;
      if (auth.deniedFields?.includes(key)) return false;
      // Introspection and __typename are not subject to auth directives.
      const rules = table.get(key);
      if (!rules) return true;
      return rules.some((rule) => {
        if (rule.mode !== auth.mode) return false;
        if (rule.groups === null) return true;
        const groups = (auth.identity as CognitoIdentity | null)?.groups ?? [];
        return rule.groups.some((g) => groups.includes(g));
      });
    },
  };
}
