/** Loads schema.graphql together with the local-only prelude of AWS scalars and directives. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMA_PATH = join(ROOT, 'schema.graphql');
export const PRELUDE_PATH = join(ROOT, 'schema/appsync-prelude.graphql');

/** The SDL graphql-js tools need: the prelude (never deployed) followed by the API contract. */
export function schemaSource(): string {
  return `${readFileSync(PRELUDE_PATH, 'utf8')}\n${readFileSync(SCHEMA_PATH, 'utf8')}`;
}

export function loadSchema(): GraphQLSchema {
  return buildSchema(schemaSource());
}
