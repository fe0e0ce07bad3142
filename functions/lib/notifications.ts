/**
 * In-app notifications: the IAM-only `publishNotification` mutation, signed (functions/lib/appsync.ts),
 * so the notification is stored AND onNotification subscribers receive it live. Its id is derived
 * from what the notification is about (stableUlid), and the mutation is idempotent on the id: repeated
 * deliveries of one event store one notification.
 */
import { requireEnv } from './env.ts';
import { signedGraphql } from './appsync.ts';
import { stableUlid } from './stableId.ts';

export type NotificationKind =
  | 'ASSIGNED'
  | 'MENTIONED'
  | 'COMMENTED'
  | 'STATUS_CHANGED'
  | 'DUE_SOON'
  | 'OVERDUE'
  | 'SPRINT_STARTED'
  | 'SPRINT_COMPLETED'
  | 'ADDED_TO_PROJECT';

const PUBLISH = `mutation PublishNotification($input: PublishNotificationInput!) {
  publishNotification(input: $input) { id userId kind projectId taskId title body read readAt createdAt version }
}`;

export interface NotificationInput {
  userId: string;
  kind: NotificationKind;
  projectId?: string | null;
  taskId?: string | null;
  title: string;
  body?: string | null;
  /** What makes it unique (same seed → same id → one notification). */
  seed: string;
  /** Instant the id sorts by (ms). */
  at: number;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export async function publishNotification(n: NotificationInput): Promise<string> {
  const id = stableUlid(n.at, n.seed);
  await signedGraphql(requireEnv('APPSYNC_URL'), PUBLISH, {
    input: {
      id,
      userId: n.userId,
      kind: n.kind,
      projectId: n.projectId ?? null,
      taskId: n.taskId ?? null,
      title: clip(n.title, 200),
      body: n.body ? clip(n.body, 2000) : null,
    },
  });
  return id;
}
