/**
 * The local EventBridge's event-pattern matcher, through the real SDK (`TestEventPattern`), on the
 * examples of AWS's EventBridge User Guide. Each case names its page and section:
 *   OPS    https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 *   NULLS  https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-null-values.html
 *   ARRAYS https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 *   CREATE https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern.html
 * (cases marked "local" are this project's own, for an edge the guide states in words only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBridgeClient, InvalidEventPatternException, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { startLocalEventBridge, type LocalEventBridge } from '../../../src/services/events/eventbridge.ts';

let eb: LocalEventBridge;
let client: EventBridgeClient;

beforeAll(async () => {
  eb = await startLocalEventBridge({ region: 'us-east-1', accountId: '123456789012' });
  client = new EventBridgeClient({ endpoint: eb.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
});
afterAll(async () => {
  client?.destroy();
  await eb?.stop();
});

/** The EC2 state-change event of CREATE, with `detail` replaced by the case's. */
function event(detail: Record<string, unknown>, top: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'EC2 Instance State-change Notification',
    source: 'aws.ec2',
    account: '111122223333',
    time: '2017-12-22T18:43:48Z',
    region: 'us-west-1',
    resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
    detail,
    ...top,
  };
}

const test = async (pattern: unknown, ev: unknown) =>
  (await client.send(new TestEventPatternCommand({ EventPattern: JSON.stringify(pattern), Event: JSON.stringify(ev) }))).Result;

interface Case {
  source: string;
  pattern: unknown;
  matches: unknown[];
  misses: unknown[];
}

const cases: Record<string, Case> = {
  'exact values, AND across fields, OR within a field': {
    source: 'CREATE, "Creating event patterns" and "Matching event values"',
    pattern: { source: ['aws.ec2', 'aws.fargate'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['terminated'] } },
    matches: [event({ state: 'terminated' }), event({ state: 'terminated' }, { source: 'aws.fargate' })],
    misses: [event({ state: 'running' }), event({ state: 'terminated' }, { source: 'aws.s3' })],
  },
  prefix: {
    source: 'OPS, "Prefix matching"',
    pattern: { time: [{ prefix: '2017-10-02' }] },
    matches: [event({}, { time: '2017-10-02T18:43:48Z' })],
    misses: [event({}, { time: '2017-10-03T18:43:48Z' })],
  },
  'prefix, ignoring case': {
    source: 'OPS, "Prefix matching while ignoring case"',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    matches: [event({ service: 'EventBridge' }), event({ service: 'EVENTBRIDGE' }), event({ service: 'eventbus' })],
    misses: [event({ service: 'SNS' })],
  },
  suffix: {
    source: 'OPS, "Suffix matching"',
    pattern: { FileName: [{ suffix: '.png' }] },
    matches: [{ FileName: 'image.png' }],
    misses: [{ FileName: 'image.PNG' }, { FileName: 'image.jpg' }],
  },
  'suffix, ignoring case': {
    source: 'OPS, "Suffix matching while ignoring case"',
    pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    matches: [event({ FileName: 'a.png' }), event({ FileName: 'a.PNG' })],
    misses: [event({ FileName: 'a.gif' })],
  },
  'anything-but (string, number, lists)': {
    source: 'OPS, "Anything-but matching"',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }], 'x-limit': [{ 'anything-but': 123 }] } },
    matches: [event({ state: 'running', 'x-limit': 456 })],
    misses: [event({ state: 'initializing', 'x-limit': 456 }), event({ state: 'running', 'x-limit': 123 }), event({ 'x-limit': 456 })],
  },
  'anything-but a list of strings': {
    source: 'OPS, "Anything-but matching"',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    matches: [event({ state: 'running' })],
    misses: [event({ state: 'stopped' }), event({ state: 'overloaded' })],
  },
  'anything-but a list of numbers': {
    source: 'OPS, "Anything-but matching"',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    matches: [event({ 'x-limit': 150 })],
    misses: [event({ 'x-limit': 200 })],
  },
  'anything-but a prefix': {
    source: 'OPS, "Anything-but matching" (prefix)',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    matches: [event({ state: 'running' })],
    misses: [event({ state: 'initializing' })],
  },
  'anything-but a suffix': {
    source: 'OPS, "Anything-but matching" (suffix)',
    pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } },
    matches: [event({ FileName: 'notes.md' })],
    misses: [event({ FileName: 'notes.txt' })],
  },
  'anything-but, ignoring case': {
    source: 'OPS, "Anything-but matching" (equals-ignore-case)',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] } },
    matches: [event({ state: 'running' })],
    misses: [event({ state: 'STOPPED' }), event({ state: 'overloaded' })],
  },
  'anything-but a wildcard': {
    source: 'OPS, "Anything-but matching" (wildcard)',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    matches: [event({ FilePath: 'dir/bin/tool' })],
    misses: [event({ FilePath: 'dir/lib/tool' })],
  },
  'numeric ranges and equality': {
    source: 'OPS, "Numeric matching"',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }], 'x-limit': [{ numeric: ['=', 3.018e2] }] } },
    matches: [event({ 'c-count': 5, 'd-count': 7, 'x-limit': 301.8 })],
    misses: [event({ 'c-count': 0, 'd-count': 7, 'x-limit': 301.8 }), event({ 'c-count': 5, 'd-count': 10, 'x-limit': 301.8 }), event({ 'c-count': '5', 'd-count': 7, 'x-limit': 301.8 })],
  },
  'IP address (cidr)': {
    source: 'OPS, "IP address matching"',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    matches: [event({ sourceIPAddress: '10.0.0.255' })],
    misses: [event({ sourceIPAddress: '10.0.1.0' }), event({ sourceIPAddress: 'not an address' })],
  },
  'IPv6 address (cidr)': {
    source: 'OPS, "IP address matching" (IPv6 is supported); addresses local',
    pattern: { detail: { sourceIPAddress: [{ cidr: '2001:db8::/32' }] } },
    matches: [event({ sourceIPAddress: '2001:db8:0:1::5' })],
    misses: [event({ sourceIPAddress: '2001:db9::1' })],
  },
  'exists: true': {
    source: 'OPS, "Exists matching"',
    pattern: { detail: { state: [{ exists: true }] } },
    matches: [event({ state: 'pending' })],
    misses: [event({ other: 'x' })],
  },
  'exists: false': {
    source: 'OPS, "Exists matching"',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    matches: [event({ state: 'pending' })],
    misses: [event({ 'c-count': 3 })],
  },
  'exists only looks at leaf nodes': {
    source: 'OPS, "Exists matching" ("only works on leaf nodes")',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    matches: [event({ 'c-count': 1 })],
    misses: [event({ 'c-count': { c1: 100 } })],
  },
  'equals-ignore-case': {
    source: 'OPS, "Equals-ignore-case matching"',
    pattern: { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] },
    matches: [event({})],
    misses: [event({}, { 'detail-type': 'EC2 Instance Launch Successful' })],
  },
  wildcard: {
    source: 'OPS, "Wildcard matching"',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    matches: [{ EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/my-bus' }],
    misses: [{ EventBusArn: 'arn:aws:events:us-west-2:123456789012:event-bus/my-bus' }],
  },
  'wildcard across path segments': {
    source: 'OPS, comparison table ("FileName": [{ "wildcard": "dir/*.png" }])',
    pattern: { FileName: [{ wildcard: 'dir/*.png' }] },
    matches: [{ FileName: 'dir/dir/dir/dir/dir/doc.png' }, { FileName: 'dir/doc.png' }],
    misses: [{ FileName: 'other/doc.png' }, { FileName: 'dir/doc.jpg' }],
  },
  '$or between fields': {
    source: 'OPS, "Complex example with $or matching"',
    pattern: { detail: { $or: [{ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, { 'd-count': [{ numeric: ['<', 10] }] }, { 'x-limit': [{ numeric: ['=', 3.018e2] }] }] } },
    matches: [event({ 'c-count': 3 }), event({ 'd-count': 2 }), event({ 'x-limit': 301.8 })],
    misses: [event({ 'c-count': 9, 'd-count': 20, 'x-limit': 1 })],
  },
  'null and the empty string are different values': {
    source: 'NULLS',
    pattern: { detail: { eventVersion: [''], responseElements: [null] } },
    matches: [event({ eventVersion: '', responseElements: null })],
    misses: [event({ eventVersion: null, responseElements: null }), event({ eventVersion: '', responseElements: '' })],
  },
  'arrays match when any value does': {
    source: 'ARRAYS',
    pattern: { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f', 'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f', 'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f'] },
    matches: [event({}, { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f', 'arn:aws:ec2:us-east-1:123456789012:image/ami-0b12345'] })],
    misses: [event({}, { resources: ['arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f'] })],
  },
  'nested objects, and arrays of objects on the way': {
    source: 'local (CREATE: fields must appear with the same nesting; ARRAYS: array values are matched element-wise)',
    pattern: { detail: { task: { assignee: { id: ['u1'] } } } },
    matches: [event({ task: { assignee: { id: 'u1' } } }), event({ task: [{ assignee: { id: 'u2' } }, { assignee: { id: 'u1' } }] })],
    misses: [event({ task: { assignee: 'u1' } }), event({ assignee: { id: 'u1' } })],
  },
};

describe('event patterns (TestEventPattern with the real SDK)', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(`${name} — ${c.source}`, async () => {
      for (const ev of c.matches) expect(await test(c.pattern, ev), JSON.stringify(ev)).toBe(true);
      for (const ev of c.misses) expect(await test(c.pattern, ev), JSON.stringify(ev)).toBe(false);
    });
  }

  it('refuses invalid patterns with InvalidEventPatternException', async () => {
    for (const bad of [
      { detail: { state: 'running' } }, // a leaf must be an array
      { detail: { n: [{ numeric: ['>', 'x'] }] } },
      { detail: { s: [{ nosuch: 1 }] } },
      { detail: { f: [{ wildcard: 'a**b' }] } }, // consecutive wildcards (OPS, "Wildcard matching")
      { $or: [{ a: ['x'] }] }, // $or needs two alternatives
      {},
    ]) {
      const err = await client
        .send(new TestEventPatternCommand({ EventPattern: JSON.stringify(bad), Event: JSON.stringify(event({})) }))
        .catch((e: unknown) => e);
      expect(err, JSON.stringify(bad)).toBeInstanceOf(InvalidEventPatternException);
    }
  });
});
