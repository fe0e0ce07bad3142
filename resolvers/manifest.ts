/**
 * The one manifest of Taskwire's AppSync API: data sources, pipeline functions and resolvers.
 * Read by the local runtime (local/), the tests and the CDK app (cdk/) alike — nothing is wired twice.
 * `npm run build` checks every name here against schema.graphql and bundles each file with esbuild.
 *
 * Files are relative to resolvers/. A resolver's file is named after its field (`Query.task.ts`), an
 * operation's own step after the field and the step (`Mutation.moveTask.gap.ts`); steps many operations
 * share live in `steps/` and are listed below. The resolvers are listed by domain, in
 * `manifest.projects.ts` (projects, members, profiles, integration tokens, notifications),
 * `manifest.tasks.ts` (tasks and what plans or follows them: stories, sprints, reports, comments,
 * attachments, time, history) and `manifest.admin.ts` (the global Admins' API); `manifest.helpers.ts`
 * says how an entry is written and derives the maps below from them.
 */
import type { LambdaName } from '../functions/manifest.ts';
import * as admin from './manifest.admin.ts';
import { assemble, steps } from './manifest.helpers.ts';
import * as projects from './manifest.projects.ts';
import * as tasks from './manifest.tasks.ts';

export type DataSourceDef =
  | { type: 'AMAZON_DYNAMODB' }
  | { type: 'NONE' }
  | { type: 'AMAZON_EVENTBRIDGE' }
  | { type: 'AWS_LAMBDA'; function: LambdaName };

export interface FunctionDef {
  file: string;
  /** A key of `dataSources`. */
  dataSource: string;
}

export type ResolverDef =
  | { kind: 'UNIT'; file: string; dataSource: string }
  /** `file` holds the pipeline's own request/response (before the first and after the last step). */
  | { kind: 'PIPELINE'; file: string; functions: string[] };

const domains = [projects, tasks, admin];

export const dataSources: Record<string, DataSourceDef> = {
  /** The single table. */
  table: { type: 'AMAZON_DYNAMODB' },
  none: { type: 'NONE' },
  ...Object.assign({}, ...domains.map((d) => d.dataSources)),
};

/**
 * The shared steps (`steps/<name>.ts`), referenced by name from any pipeline. What steps hand each
 * other through ctx.stash is typed once, in lib/stash.ts.
 *   authorize       the caller's access to ctx.stash.projectId → ctx.stash.actor
 *   load<Thing>     ctx.stash.<thing>Id → ctx.stash.<thing>, NotFound when absent (loadMembership: or null)
 *   profileGet, profileLookup, profileCreate   (in this order) → the signed-in person's profile,
 *                   created on first use with the email Cognito knows for them
 *   profileSignIn   (after those, in Query.me) records the token's sign-in time as lastSignInAt
 *   setProjectArchived   archives or restores the loaded project
 */
const shared = {
  ...steps(['authorize', 'loadProject', 'loadMembership', 'setProjectArchived', 'profileGet', 'profileCreate', 'profileSignIn']),
  ...steps(['loadTask', 'loadStory', 'loadSprint', 'loadAssignee', 'loadComment', 'loadAttachment']),
  ...steps(['profileLookup'], 'membersFn'),
};

const assembled = assemble(shared, domains);

/** Pipeline functions (AppSync "functions"), by name: the shared steps and every operation's own. */
export const functions: Record<string, FunctionDef> = assembled.functions;

/** Resolvers by `Type.field`. */
export const resolvers: Record<string, ResolverDef> = assembled.resolvers;
