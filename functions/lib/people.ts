/**
 * What the event side needs to know about a person: their profile settings (time zone, reminder lead,
 * email on/off: model defaults when they never saved a profile), their email address (profile, else
 * their membership of the project) and whether they are a member of a project.
 */
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { PROFILE_DEFAULTS } from '../../model/profile.ts';
import { MEMBER_PREFIX, membershipKey, profileKey, projectPk } from '../../model/keys.ts';
import { docClient, tableName } from '../workers/db.ts';


export interface Person {
  userId: string;
  email: string | null;
  displayName: string | null;
  timeZone: string;
  reminderLeadMinutes: number;
  emailNotifications: boolean;
}

export interface Member {
  userId: string;
  role: string;
  email: string | null;
  displayName: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

export async function membership(projectId: string, userId: string): Promise<Member | null> {
  const r = await docClient().send(new GetCommand({ TableName: tableName(), Key: membershipKey(projectId, userId), ConsistentRead: true }));
  const m = r.Item;
  if (!m) return null;
  return { userId, role: String(m.role ?? 'MEMBER'), email: str(m.email), displayName: str(m.displayName) };
}

/** Every member of the project (a Query of its partition, paginated). */
export async function members(projectId: string): Promise<Member[]> {
  const out: Member[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await docClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :m)',
        ExpressionAttributeValues: { ':pk': projectPk(projectId), ':m': MEMBER_PREFIX },
        ExclusiveStartKey: start,
      }),
    );
    for (const m of r.Items ?? []) {
      if (typeof m.userId === 'string') out.push({ userId: m.userId, role: String(m.role ?? 'MEMBER'), email: str(m.email), displayName: str(m.displayName) });
    }
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Profiles of the given people (BatchGetItem), with the membership's email/name as a fallback. */
export async function people(userIds: string[], fallback: Map<string, Member> = new Map()): Promise<Map<string, Person>> {
  const ids = [...new Set(userIds)];
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map((id) => ({ ...profileKey(id) }));
    for (let attempt = 0; keys && keys.length && attempt < 8; attempt++) {
      const r = await docClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of r.Responses?.[tableName()] ?? []) found.set(String(item.id ?? String(item.PK).slice(5)), item);
      keys = r.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
      if (keys?.length) await new Promise((res) => setTimeout(res, 50 * 2 ** attempt));
    }
  }
  const out = new Map<string, Person>();
  for (const userId of ids) {
    const p = found.get(userId);
    const m = fallback.get(userId);
    out.set(userId, {
      userId,
      email: str(p?.email) ?? m?.email ?? null,
      displayName: str(p?.displayName) ?? m?.displayName ?? null,
      timeZone: str(p?.timeZone) ?? PROFILE_DEFAULTS.timeZone,
      reminderLeadMinutes: typeof p?.reminderLeadMinutes === 'number' ? p.reminderLeadMinutes : PROFILE_DEFAULTS.reminderLeadMinutes,
      emailNotifications: typeof p?.emailNotifications === 'boolean' ? p.emailNotifications : PROFILE_DEFAULTS.emailNotifications,
    });
  }
  return out;
}

export async function person(userId: string, projectId?: string | null): Promise<Person> {
  const m = projectId ? await membership(projectId, userId) : null;
  const found = await people([userId], new Map(m ? [[userId, m]] : []));
  return found.get(userId)!;
}
