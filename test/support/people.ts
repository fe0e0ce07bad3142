/**
 * The demo people every whole-API test signs in as: the launcher's own DEMO_USERS (local/config.ts),
 * named by username. ada is in the global Admins group and ADMIN of the demo project, max a MEMBER,
 * vera a VIEWER, otto in no project.
 */
import { DEMO_USERS } from '../../local/config.ts';

export type Person = 'ada' | 'max' | 'vera' | 'otto';

const byName = (name: Person) => {
  const u = DEMO_USERS.find((d) => d.username === name);
  if (!u) throw new Error(`no demo user ${name} in local/config.ts`);
  return u;
};

export const PEOPLE: readonly Person[] = ['ada', 'max', 'vera', 'otto'];
export const EMAIL = Object.fromEntries(PEOPLE.map((p) => [p, byName(p).email])) as Record<Person, string>;
export const PASSWORD = byName('ada').password;

/** The `sub` claim of a Cognito token (its user id). */
export const subOf = (jwt: string): string =>
  (JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string }).sub;
