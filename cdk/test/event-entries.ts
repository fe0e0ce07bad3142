/**
 * Temporary functions/manifest.ts entries in the shape the event side's entries will take (stream,
 * rules, a cron schedule — the reminder schedules' one target is the manifest's own `reminders`; the bus, scheduler, topic, email and web resources), so the
 * generic constructs are tested before those handlers land. Tests assert "for every entry with …" over
 * the manifest plus these, so they keep holding when the real entries appear.
 */
import type { LambdaDef } from '../lib/repo.ts';

const entry = 'cdk/test/fixtures/echo.ts';

export const EVENT_ENTRIES: Record<string, LambdaDef> = {
  testStream: {
    entry,
    description: 'test: the stream handler',
    timeoutSeconds: 60,
    uses: { table: 'readWrite', bus: 'put', scheduler: 'manage' },
    stream: { batchSize: 50, maxBatchingWindowSeconds: 2, maxRetries: 5 },
  },
  testNotify: {
    entry,
    description: 'test: notifications',
    timeoutSeconds: 30,
    uses: { table: 'readWrite', appsync: 'publish', topic: 'publish', email: 'send', web: 'link' },
    rules: [{ name: 'test-task-assigned', description: 'test rule', pattern: { source: ['taskwire'], 'detail-type': ['TaskAssigned', 'MentionAdded'] } }],
  },
  testWeekly: {
    entry,
    description: 'test: weekly report',
    timeoutSeconds: 120,
    uses: { table: 'read', email: 'send' },
    schedules: [{ cron: 'cron(0 8 ? * MON *)', timeZone: 'Europe/Berlin', event: { operation: 'weeklyReport' } }],
  },
};

/** Context the tests synthesize with (a sender identity, so entries that send email get one). */
export const TEST_CONTEXT = { senderEmail: 'notifications@example.com', alarmEmail: 'ops@example.com' };
