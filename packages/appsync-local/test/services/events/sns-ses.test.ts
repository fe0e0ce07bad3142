/**
 * The local SNS (awsQuery) and aws-ses-v2-local through the real SDK v3 clients: topics, Publish with
 * message attributes, the GET /messages listing, lambda and http subscriptions with a filter policy;
 * SESv2 SendEmail listed at GET /store.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTopicCommand,
  InvalidParameterException,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  NotFoundException,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { startLocalSns, type LocalSns } from '../../../src/services/events/sns.ts';
import { startSesLocal, type SesLocal } from '../../../src/services/events/ses.ts';
import { eventually } from '../../support/eventually.ts';

const credentials = { accessKeyId: 'x', secretAccessKey: 'x' };
const FN = 'arn:aws:lambda:us-east-1:123456789012:function:integration';
const lambdaEvents: unknown[] = [];
const httpBodies: { headers: Record<string, unknown>; body: string }[] = [];
let sns: LocalSns;
let ses: SesLocal;
let snsClient: SNSClient;
let sesClient: SESv2Client;
let hook: Server;

beforeAll(async () => {
  sns = await startLocalSns({ region: 'us-east-1', accountId: '123456789012', topics: ['events'], resolveFunction: (arn) => (arn === FN ? async (e) => void lambdaEvents.push(e) : undefined) });
  ses = await startSesLocal();
  snsClient = new SNSClient({ endpoint: sns.endpoint, region: 'us-east-1', credentials });
  sesClient = new SESv2Client({ endpoint: ses.endpoint, region: 'us-east-1', credentials });
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      httpBodies.push({ headers: req.headers, body });
      res.end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
});
afterAll(async () => {
  snsClient?.destroy();
  sesClient?.destroy();
  await sns?.stop();
  await ses?.stop();
  await new Promise((r) => hook?.close(r));
});

describe('SNS', () => {
  it('creates topics idempotently and lists them', async () => {
    const a = await snsClient.send(new CreateTopicCommand({ Name: 'integrations' }));
    const b = await snsClient.send(new CreateTopicCommand({ Name: 'integrations' }));
    expect(a.TopicArn).toBe('arn:aws:sns:us-east-1:123456789012:integrations');
    expect(b.TopicArn).toBe(a.TopicArn);
    const topics = (await snsClient.send(new ListTopicsCommand({}))).Topics!.map((t) => t.TopicArn);
    expect(topics).toEqual(['arn:aws:sns:us-east-1:123456789012:events', a.TopicArn]);
    await expect(snsClient.send(new CreateTopicCommand({ Name: 'bad name!' }))).rejects.toBeInstanceOf(InvalidParameterException);
  });

  it('publishes with message attributes, lists the message, and delivers to subscriptions whose filter policy matches', async () => {
    const topic = sns.topicArn('events');
    const sub = await snsClient.send(new SubscribeCommand({ TopicArn: topic, Protocol: 'lambda', Endpoint: FN, Attributes: { FilterPolicy: JSON.stringify({ kind: ['TaskAssigned'] }) } }));
    const port = (hook.address() as AddressInfo).port;
    await snsClient.send(new SubscribeCommand({ TopicArn: topic, Protocol: 'http', Endpoint: `http://127.0.0.1:${port}/hook`, Attributes: { FilterPolicy: JSON.stringify({ projectId: [{ prefix: 'P-' }] }) } }));
    const subs = (await snsClient.send(new ListSubscriptionsByTopicCommand({ TopicArn: topic }))).Subscriptions!;
    expect(subs.map((s) => s.Protocol).sort()).toEqual(['http', 'lambda']);

    const assigned = await snsClient.send(
      new PublishCommand({
        TopicArn: topic,
        Subject: 'Task assigned',
        Message: JSON.stringify({ taskId: 'T-1' }),
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'TaskAssigned' }, projectId: { DataType: 'String', StringValue: 'P-1' }, points: { DataType: 'Number', StringValue: '3' } },
      }),
    );
    await snsClient.send(new PublishCommand({ TopicArn: topic, Message: 'other', MessageAttributes: { kind: { DataType: 'String', StringValue: 'CommentAdded' }, projectId: { DataType: 'String', StringValue: 'Q-9' } } }));
    expect(assigned.MessageId).toMatch(/^[0-9a-f-]{36}$/);

    const listed = (await (await fetch(`${sns.endpoint}/messages?topic=events`)).json()) as { messages: { MessageId: string; Subject?: string; MessageAttributes: Record<string, unknown> }[] };
    expect(listed.messages).toHaveLength(2);
    expect(listed.messages[0]).toMatchObject({ MessageId: assigned.MessageId, Subject: 'Task assigned', MessageAttributes: { kind: { DataType: 'String', StringValue: 'TaskAssigned' }, points: { DataType: 'Number', StringValue: '3' } } });

    await sns.drain();
    expect(lambdaEvents).toHaveLength(1);
    expect(lambdaEvents[0]).toMatchObject({
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: sub.SubscriptionArn,
          Sns: { Type: 'Notification', MessageId: assigned.MessageId, TopicArn: topic, Subject: 'Task assigned', Message: '{"taskId":"T-1"}', MessageAttributes: { kind: { Type: 'String', Value: 'TaskAssigned' } } },
        },
      ],
    });
    await eventually(() => expect(httpBodies).toHaveLength(1));
    expect(httpBodies[0]!.headers['x-amz-sns-message-type']).toBe('Notification');
    expect(JSON.parse(httpBodies[0]!.body)).toMatchObject({ Type: 'Notification', MessageId: assigned.MessageId, MessageAttributes: { projectId: { Type: 'String', Value: 'P-1' } } });
  });

  it('answers errors in the SDK modelled shapes', async () => {
    await expect(snsClient.send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:nope', Message: 'x' }))).rejects.toBeInstanceOf(NotFoundException);
    await expect(snsClient.send(new PublishCommand({ TopicArn: sns.topicArn('events'), Message: '' }))).rejects.toBeInstanceOf(InvalidParameterException);
    const err = await snsClient
      .send(new PublishCommand({ TopicArn: sns.topicArn('events'), Message: 'x', MessageAttributes: { n: { DataType: 'Number', StringValue: 'abc' } } }))
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('InvalidParameterValueException');
  });
});

describe('SES (aws-ses-v2-local)', () => {
  it('keeps mail sent with the SESv2 client, HTML and text, listed at /store; its web page answers', async () => {
    await ses.clear();
    const out = await sesClient.send(
      new SendEmailCommand({
        FromEmailAddress: 'notifications@example.test',
        Destination: { ToAddresses: ['max@example.test'] },
        Content: { Simple: { Subject: { Data: 'Reminder: Fix login' }, Body: { Text: { Data: 'Due soon' }, Html: { Data: '<p>Due soon</p>' } } } },
      }),
    );
    expect(out.MessageId).toBeTruthy();
    const mail = await ses.emails();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ from: 'notifications@example.test', destination: { to: ['max@example.test'] }, subject: 'Reminder: Fix login', body: { text: 'Due soon', html: '<p>Due soon</p>' } });
    const page = await fetch(ses.webUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });
});
