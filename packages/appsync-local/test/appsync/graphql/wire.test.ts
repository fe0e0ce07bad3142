/**
 * Conformance with what AppSync puts on the wire over HTTP, case by case against recorded AppSync
 * responses (each case names where the recording was found). AppSync validates with graphql-java, so
 * its messages are graphql-java's sentences; the runtime validates with graphql-js and translates
 * (packages/appsync-local/src/appsync/graphql/errors.ts; docs/appsync-wire.md).
 */
import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../../support/runtime.ts';

const rt = useLocalRuntime();
const ADA = 'ada@taskwire.local';

const at = (line: number, column: number) => [{ line, column, sourceName: null }];
const gql = async (query: string, variables: Record<string, unknown> = {}) => (await rt.post({ query, variables }, await rt.token(ADA))).json;

describe('validation messages (graphql-java wording, document order)', () => {
  it('a missing argument, an unknown argument and an undefined field, in document order', async () => {
    // Recorded AppSync response (pasted in a public scraper of orchestrator.pgatour.com, an AppSync API
    // behind Amplify; find_string "Validation error of type MissingFieldArgument"):
    //   {"path":null,"locations":[{"line":2,"column":3,"sourceName":null}],"message":"Validation error of type MissingFieldArgument: Missing field argument id @ 'scorecardV2'"},
    //   {"path":null,"locations":[{"line":2,"column":15,...}],"message":"Validation error of type UnknownArgument: Unknown field argument tournamentId @ 'scorecardV2'"},
    //   {"path":null,"locations":[{"line":4,"column":5,...}],"message":"Validation error of type FieldUndefined: Field 'payload' in type 'LeaderboardDrawerV2' is undefined @ 'scorecardV2/payload'"}
    expect(await gql('query P($key: String) {\n  project(key: $key) {\n    id\n    payload\n  }\n}')).toEqual({
      data: null,
      errors: [
        { path: null, locations: at(2, 3), message: "Validation error of type MissingFieldArgument: Missing field argument id @ 'project'" },
        { path: null, locations: at(2, 11), message: "Validation error of type UnknownArgument: Unknown field argument key @ 'project'" },
        { path: null, locations: at(4, 5), message: "Validation error of type FieldUndefined: Field 'payload' in type 'Project' is undefined @ 'project/payload'" },
      ],
    });
  });

  it('a variable of the wrong type: VariableTypeMismatch naming both types, located at the use', async () => {
    // aws-amplify/amplify-swift, AmplifyPlugins/API/Tests/AWSAPIPluginLazyLoadTests/.../GraphQLLazyLoadProjectTeam1Tests.swift
    // (comment recording AppSync's answer): "Validation error of type VariableTypeMismatch: Variable type
    // 'String!' doesn't match expected type 'ID!' @ 'getTeam1'", locations line 2 column 33.
    expect(await gql('query GetTask($id: String!) {\n  task(id: $id) { id }\n}', { id: 'x' })).toEqual({
      data: null,
      errors: [
        { path: null, locations: at(2, 12), message: "Validation error of type VariableTypeMismatch: Variable type 'String!' doesn't match expected type 'ID!' @ 'task'" },
      ],
    });
  });

  it('an unknown type, without suggestions', async () => {
    // BenBelson1988/blind-chat-dashboard, src/stores/graphqloperations/queries/getQuestions.js (an
    // AppSync API): "Validation error of type UnknownType: Unknown type AnswersInput". graphql-js would add
    // 'Did you mean "CreateTaskInput"?'; graphql-java never suggests.
    const res = (await gql('mutation C($input: CreateTaskInputs!) { createTask(input: $input) { id } }', { input: {} })) as {
      errors: { message: string }[];
    };
    expect(res.errors[0]).toEqual({ path: null, locations: at(1, 20), message: 'Validation error of type UnknownType: Unknown type CreateTaskInputs' });
    expect(JSON.stringify(res)).not.toMatch(/Did you mean/);
  });

  it('a field suggestion graphql-js would make is left out', async () => {
    const res = JSON.stringify(await gql('{ projec(id: "p") { id } }'));
    expect(res).toContain("Validation error of type FieldUndefined: Field 'projec' in type 'Query' is undefined @ 'projec'");
    expect(res).not.toMatch(/Did you mean/);
  });
});

describe('variables', () => {
  it('an input variable with a field its type does not define: AppSync\'s own message, locations null', async () => {
    // graphql-java InputMapDefinesTooManyFieldsException ("... for input object type '%s' ", trailing space
    // included, getLocations() null), as AppSync answers it: pasted in Amplify projects, e.g. "The variables
    // input contains a field name 'title' that is not defined for input object type 'DeleteProductsInput' ";
    // aws-amplify/amplify-js DataStore test fakes answer `{ path: null, locations: null, message }` likewise.
    const res = await gql('mutation C($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
      input: { projectId: 'p', title: 't', colour: 'red' },
    });
    expect(res).toEqual({
      data: null,
      errors: [
        { path: null, locations: null, message: "The variables input contains a field name 'colour' that is not defined for input object type 'CreateTaskInput' " },
      ],
    });
  });
});

describe('every HTTP response', () => {
  it('carries an x-amzn-RequestId and AppSync\'s content type, refusals included', async () => {
    // AppSync's responses, as recorded in public API notes (e.g. "content-type: application/json;charset=UTF-8",
    // "x-amzn-requestid: {uuid}") and asserted by public Cypress suites against AppSync
    // (expect(response.headers['content-type']).to.be.eq('application/json;charset=UTF-8'); ...property('x-amzn-requestid')).
    const token = await rt.token(ADA);
    const responses = [
      await rt.fetch('/graphql', { headers: { 'content-type': 'application/json', authorization: token }, body: '{"query":"{ me { id } }"}' }),
      await rt.fetch('/graphql', { headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' }),
      await rt.fetch('/graphql', { headers: { 'content-type': 'application/json', authorization: token }, body: '' }),
      await rt.fetch('/nowhere', { headers: { 'content-type': 'application/json' }, body: '{}' }),
    ];
    const ids = new Set<string>();
    for (const res of responses) {
      expect(res.headers['content-type']).toBe('application/json;charset=UTF-8');
      const id = res.headers['x-amzn-requestid'];
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      ids.add(id as string);
    }
    expect(ids.size).toBe(responses.length);
    const preflight = await rt.fetch('/graphql', { method: 'OPTIONS', headers: { origin: 'https://example.com' } });
    expect(preflight.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
