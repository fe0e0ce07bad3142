// ddb.update: AppSync's #expName_N / :expValue_N placeholders, increment/decrement as SET arithmetic.
import type { ConformanceCase } from '../case.ts';

const NEW_PROFILE = {
  name: 'Toni Test',
  imageUrl: null,
  backgroundImageUrl: null,
  bio: 'The test bio',
  location: null,
  website: null,
  birthdate: null,
};

export const cases: ConformanceCase[] = [
  {
    name: 'ddb.update sets every attribute, placeholders numbered from 1, null as { NULL: null }',
    source:
      'eineder/fitter-backend@b4bec82fecd86b4375586755d88f150d71b859da __tests__/test_cases/unit/Mutation.editMyProfile.request.js (resolvers/editMyProfile.js at the same commit; client.evaluateCode)',
    code: `import { update } from "@aws-appsync/utils/dynamodb";

export function request(ctx) {
  const updateObj = {
    key: { id: ctx.identity.username },
    update: {
      name: ctx.arguments.newProfile.name,
      imageUrl: ctx.arguments.newProfile.imageUrl,
      backgroundImageUrl: ctx.arguments.newProfile.backgroundImageUrl,
      bio: ctx.arguments.newProfile.bio,
      location: ctx.arguments.newProfile.location,
      website: ctx.arguments.newProfile.website,
      birthdate: ctx.arguments.newProfile.birthdate,
    },
    // When active, this line leads to the error:
    // condition: { expression: "attribute_exists(id)" },
  };

  // Workaround: Attach the condition object to the DynamoDBUpdateItem
  const requestObj = update(updateObj);
  requestObj.condition = { expression: "attribute_exists(id)" };

  return requestObj;
}

export function response(ctx) {
  return ctx.result;
}
`,
    context: { identity: { username: 'user-1' }, arguments: { newProfile: NEW_PROFILE } },
    expected: {
      result: {
        operation: 'UpdateItem',
        key: { id: { S: 'user-1' } },
        update: {
          expression:
            'SET #expName_1 = :expValue_1, #expName_2 = :expValue_2, #expName_3 = :expValue_3, #expName_4 = :expValue_4, #expName_5 = :expValue_5, #expName_6 = :expValue_6, #expName_7 = :expValue_7',
          expressionNames: {
            '#expName_1': 'name',
            '#expName_2': 'imageUrl',
            '#expName_3': 'backgroundImageUrl',
            '#expName_4': 'bio',
            '#expName_5': 'location',
            '#expName_6': 'website',
            '#expName_7': 'birthdate',
          },
          expressionValues: {
            ':expValue_1': { S: 'Toni Test' },
            ':expValue_2': { NULL: null },
            ':expValue_3': { NULL: null },
            ':expValue_4': { S: 'The test bio' },
            ':expValue_5': { NULL: null },
            ':expValue_6': { NULL: null },
            ':expValue_7': { NULL: null },
          },
        },
        condition: { expression: 'attribute_exists(id)' },
      },
    },
  },
  {
    // The post prints the request the resolver produced (AppSync console "Run test") and notes that
    // it fails on an item without the attribute. Stored in the public code index as file id
    // 46492095673, a GitHub-hosted blog post ("AWS AppSync DynamoDB Resolver update Add 사용",
    // 2024-01-24); its repository name is not recorded there.
    name: 'ddb.operations.decrement(1) is SET #a = #a - :v with the positive amount',
    source: 'blog post "AWS AppSync DynamoDB Resolver update Add 사용" (2024-01-24), public code index file id 46492095673, section "request mapping template"',
    code: `import { util } from "@aws-appsync/utils";
import * as ddb from "@aws-appsync/utils/dynamodb";

export function request(ctx) {
  const { streamId } = ctx.args.input;

  return ddb.update({
    key: { streamId },
    update: { currentView: ddb.operations.decrement(1) },
  });
}

export function response(ctx) {
  const { error, result } = ctx;
  console.log(result, error);
  if (error) {
    util.appendError(error.message, error.type);
  }
  return result;
}
`,
    context: { arguments: { input: { streamId: 'asdf' } } },
    expected: {
      result: {
        update: {
          expression: 'SET #expName_1 = #expName_1 - :expValue_1',
          expressionNames: { '#expName_1': 'currentView' },
          expressionValues: { ':expValue_1': { N: 1 } },
        },
        operation: 'UpdateItem',
        key: { streamId: { S: 'asdf' } },
      },
    },
  },
];
