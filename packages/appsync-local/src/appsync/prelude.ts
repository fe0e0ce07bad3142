/**
 * AWS AppSync's built-in scalars and directives as SDL. AppSync provides them itself, so a project's
 * schema does not declare them; graphql-js needs them declared: put this before the project's schema
 * (`schemaSource: APPSYNC_PRELUDE + schema`). The runtime replaces the placeholder scalars with
 * AppSync's checks (graphql/scalars.ts).
 */
export const APPSYNC_PRELUDE = `scalar AWSDate
scalar AWSTime
scalar AWSDateTime
scalar AWSTimestamp
scalar AWSEmail
scalar AWSJSON
scalar AWSURL
scalar AWSPhone
scalar AWSIPAddress

directive @aws_subscribe(mutations: [String!]!) on FIELD_DEFINITION
directive @aws_cognito_user_pools(cognito_groups: [String!]) on OBJECT | FIELD_DEFINITION
directive @aws_iam on OBJECT | FIELD_DEFINITION
directive @aws_lambda on OBJECT | FIELD_DEFINITION
directive @aws_api_key on OBJECT | FIELD_DEFINITION
directive @aws_oidc on OBJECT | FIELD_DEFINITION
directive @aws_auth(cognito_groups: [String!]) on FIELD_DEFINITION
`;
