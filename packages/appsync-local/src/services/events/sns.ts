/**
 * A local SNS endpoint on the SDK's wire protocol (awsQuery: form-encoded POST, XML replies):
 * CreateTopic, ListTopics, DeleteTopic, Publish (message attributes kept), Subscribe / Unsubscribe /
 * ListSubscriptionsByTopic for `lambda` (a local function) and `http`/`https` endpoints, with
 * FilterPolicy on message attributes. Published messages are listed at GET /messages.
 *
 *   const sns = await startLocalSns({ region, accountId, resolveFunction: (arn) => fn });
 *   new SNSClient({ endpoint: sns.endpoint })   // AWS_ENDPOINT_URL_SNS
 *
 * Supported and unsupported parts: docs/local-services.md ("SNS").
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, send, systemClock, withRetries, type Clock, type RetryPolicy, type TargetFunction } from './common.ts';
import { compilePattern, type CompiledPattern } from './pattern.ts';

export interface LocalSnsOptions {
  region: string;
  accountId: string;
  host?: string;
  port?: number;
  /** Topics that exist from the start (CreateTopic also makes them). */
  topics?: string[];
  /** The local function a `lambda` subscription's endpoint ARN names. */
  resolveFunction?: (arn: string) => TargetFunction | undefined;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  /** How many messages GET /messages and `messages()` keep. */
  keep?: number;
  onDeliveryFailure?: (failure: { subscriptionArn: string; error: unknown }) => void;
}

export interface MessageAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

export interface PublishedMessage {
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  MessageAttributes: Record<string, MessageAttribute>;
  MessageGroupId?: string;
  MessageDeduplicationId?: string;
  Timestamp: string;
}

interface Subscription {
  SubscriptionArn: string;
  TopicArn: string;
  Protocol: string;
  Endpoint: string;
  filter?: CompiledPattern;
  FilterPolicy?: string;
  RawMessageDelivery: boolean;
}

export interface LocalSns {
  endpoint: string;
  port: number;
  topicArn(name: string): string;
  /** Messages published so far, oldest first (also GET /messages, GET /messages?topic=<name or ARN>). */
  messages(): PublishedMessage[];
  drain(): Promise<void>;
  stop(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** `Prefix.entry.N.key|Name`/`...value|Value...` maps of the query protocol. */
function entries(form: URLSearchParams, prefix: string): Map<string, Record<string, string>> {
  const byIndex = new Map<string, Record<string, string>>();
  for (const [k, v] of form) {
    if (!k.startsWith(`${prefix}.entry.`)) continue;
    const rest = k.slice(prefix.length + 7);
    const dot = rest.indexOf('.');
    const index = rest.slice(0, dot);
    const field = rest.slice(dot + 1);
    const e = byIndex.get(index) ?? {};
    e[field] = v;
    byIndex.set(index, e);
  }
  return byIndex;
}

export async function startLocalSns(opts: LocalSnsOptions): Promise<LocalSns> {
  const clock = opts.clock ?? systemClock;
  const retry: RetryPolicy = { maxRetries: 3, baseDelayMs: 200, maxDelayMs: 5_000, ...opts.retry };
  const keep = opts.keep ?? 1000;
  const topicArn = (name: string) => `arn:aws:sns:${opts.region}:${opts.accountId}:${name}`;
  const topics = new Map<string, { attributes: Record<string, string> }>();
  for (const t of opts.topics ?? []) topics.set(topicArn(t), { attributes: {} });
  const subscriptions = new Map<string, Subscription>();
  const messages: PublishedMessage[] = [];
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let endpoint = '';

  function topicOf(arn: string | null): string {
    if (!arn) throw new ApiError('InvalidParameter', 'Invalid parameter: TopicArn');
    if (!topics.has(arn)) throw new ApiError('NotFound', 'Topic does not exist', 404);
    return arn;
  }

  /** SNS's filter policies (attribute scope) use EventBridge's operators on the attribute values. */
  function attributeValues(attrs: Record<string, MessageAttribute>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, a] of Object.entries(attrs)) {
      if (a.DataType.startsWith('Number')) out[name] = Number(a.StringValue);
      else if (a.DataType === 'String.Array') {
        try {
          out[name] = JSON.parse(a.StringValue ?? '[]');
        } catch {
          out[name] = a.StringValue;
        }
      } else if (a.DataType.startsWith('String')) out[name] = a.StringValue;
    }
    return out;
  }

  function notification(m: PublishedMessage, sub: Subscription) {
    return {
      Type: 'Notification',
      MessageId: m.MessageId,
      TopicArn: m.TopicArn,
      ...(m.Subject !== undefined ? { Subject: m.Subject } : {}),
      Message: m.Message,
      Timestamp: m.Timestamp,
      SignatureVersion: '1',
      // Not a real signature: nothing locally holds SNS's signing key.
      Signature: 'LOCAL',
      SigningCertURL: `${endpoint}/SimpleNotificationService-local.pem`,
      UnsubscribeURL: `${endpoint}/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(sub.SubscriptionArn)}`,
      MessageAttributes: Object.fromEntries(Object.entries(m.MessageAttributes).map(([k, a]) => [k, { Type: a.DataType, Value: a.StringValue ?? a.BinaryValue }])),
    };
  }

  async function deliverTo(sub: Subscription, m: PublishedMessage): Promise<void> {
    if (sub.Protocol === 'lambda') {
      const fn = opts.resolveFunction?.(sub.Endpoint);
      if (!fn) throw new Error(`No function for ${sub.Endpoint}`);
      const n = notification(m, sub);
      await fn({
        Records: [
          {
            EventSource: 'aws:sns',
            EventVersion: '1.0',
            EventSubscriptionArn: sub.SubscriptionArn,
            Sns: { ...n, SigningCertUrl: n.SigningCertURL, UnsubscribeUrl: n.UnsubscribeURL, SigningCertURL: undefined, UnsubscribeURL: undefined },
          },
        ],
      });
      return;
    }
    const body = sub.RawMessageDelivery ? m.Message : JSON.stringify(notification(m, sub));
    const res = await fetch(sub.Endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain; charset=UTF-8',
        'x-amz-sns-message-type': 'Notification',
        'x-amz-sns-message-id': m.MessageId,
        'x-amz-sns-topic-arn': m.TopicArn,
        'x-amz-sns-subscription-arn': sub.SubscriptionArn,
      },
      body,
    });
    if (res.status >= 500 || res.status < 200 || (res.status >= 300 && res.status < 400)) throw new Error(`HTTP ${res.status} from ${sub.Endpoint}`);
  }

  function fanOut(m: PublishedMessage): void {
    const attrs = attributeValues(m.MessageAttributes);
    for (const sub of subscriptions.values()) {
      if (sub.TopicArn !== m.TopicArn) continue;
      if (sub.filter && !sub.filter.matches(attrs)) continue;
      const job = (async () => {
        await new Promise<void>((r) => setImmediate(r));
        try {
          await withRetries(() => deliverTo(sub, m), retry, () => stopped);
        } catch (error) {
          opts.onDeliveryFailure?.({ subscriptionArn: sub.SubscriptionArn, error });
        }
      })();
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
    }
  }

  const ops: Record<string, (f: URLSearchParams) => string> = {
    CreateTopic(f) {
      const name = f.get('Name') ?? '';
      if (!TOPIC_NAME.test(name)) throw new ApiError('InvalidParameter', 'Invalid parameter: Topic Name');
      const arn = topicArn(name);
      if (!topics.has(arn)) topics.set(arn, { attributes: Object.fromEntries([...entries(f, 'Attributes').values()].map((e) => [e.key!, e.value!])) });
      return `<CreateTopicResult><TopicArn>${esc(arn)}</TopicArn></CreateTopicResult>`;
    },
    ListTopics() {
      return `<ListTopicsResult><Topics>${[...topics.keys()].map((a) => `<member><TopicArn>${esc(a)}</TopicArn></member>`).join('')}</Topics></ListTopicsResult>`;
    },
    DeleteTopic(f) {
      const arn = topicOf(f.get('TopicArn'));
      topics.delete(arn);
      for (const [k, s] of subscriptions) if (s.TopicArn === arn) subscriptions.delete(k);
      return '';
    },
    GetTopicAttributes(f) {
      const arn = topicOf(f.get('TopicArn'));
      const attrs = { TopicArn: arn, ...topics.get(arn)!.attributes, SubscriptionsConfirmed: String([...subscriptions.values()].filter((s) => s.TopicArn === arn).length) };
      return `<GetTopicAttributesResult><Attributes>${Object.entries(attrs)
        .map(([k, v]) => `<entry><key>${esc(k)}</key><value>${esc(v)}</value></entry>`)
        .join('')}</Attributes></GetTopicAttributesResult>`;
    },
    Publish(f) {
      const arn = topicOf(f.get('TopicArn') ?? f.get('TargetArn'));
      const message = f.get('Message');
      if (message === null || message === '') throw new ApiError('InvalidParameter', 'Invalid parameter: Empty message');
      if (Buffer.byteLength(message) > 256 * 1024) throw new ApiError('InvalidParameter', 'Invalid parameter: Message too long');
      const subject = f.get('Subject');
      if (subject !== null && (subject.length > 100 || /[\r\n]/.test(subject))) throw new ApiError('InvalidParameter', 'Invalid parameter: Subject');
      const attrs: Record<string, MessageAttribute> = {};
      for (const e of entries(f, 'MessageAttributes').values()) {
        const name = e.Name;
        const type = e['Value.DataType'];
        if (!name || !type) throw new ApiError('ParameterValueInvalid', 'The message attribute name and type must be given.');
        if (!/^(String|Number|Binary)(\..+)?$/.test(type)) throw new ApiError('ParameterValueInvalid', `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
        const value = e['Value.StringValue'] ?? e['Value.BinaryValue'];
        if (value === undefined) throw new ApiError('ParameterValueInvalid', `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`);
        if (type.startsWith('Number') && !Number.isFinite(Number(value))) throw new ApiError('ParameterValueInvalid', `Could not cast message attribute '${name}' value to number.`);
        attrs[name] = type.startsWith('Binary') ? { DataType: type, BinaryValue: value } : { DataType: type, StringValue: value };
      }
      const isFifo = arn.endsWith('.fifo');
      const groupId = f.get('MessageGroupId') ?? undefined;
      if (isFifo && !groupId) throw new ApiError('InvalidParameter', 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
      const m: PublishedMessage = {
        MessageId: randomUUID(),
        TopicArn: arn,
        ...(subject !== null ? { Subject: subject } : {}),
        Message: message,
        MessageAttributes: attrs,
        ...(groupId ? { MessageGroupId: groupId } : {}),
        ...(f.get('MessageDeduplicationId') ? { MessageDeduplicationId: f.get('MessageDeduplicationId')! } : {}),
        Timestamp: new Date(clock.now()).toISOString(),
      };
      messages.push(m);
      if (messages.length > keep) messages.splice(0, messages.length - keep);
      fanOut(m);
      return `<PublishResult><MessageId>${m.MessageId}</MessageId>${isFifo ? `<SequenceNumber>${String(messages.length).padStart(20, '0')}</SequenceNumber>` : ''}</PublishResult>`;
    },
    Subscribe(f) {
      const arn = topicOf(f.get('TopicArn'));
      const protocol = f.get('Protocol') ?? '';
      const ep = f.get('Endpoint') ?? '';
      if (!['lambda', 'http', 'https'].includes(protocol)) throw new ApiError('InvalidParameter', `Invalid parameter: Protocol (the local SNS delivers to lambda, http and https only)`);
      if (protocol !== 'lambda' && !ep.startsWith(`${protocol}://`)) throw new ApiError('InvalidParameter', 'Invalid parameter: Endpoint must match the specified protocol');
      if (protocol === 'lambda' && !/^arn:aws[\w-]*:lambda:/.test(ep)) throw new ApiError('InvalidParameter', 'Invalid parameter: Lambda endpoint ARN');
      const attrs = Object.fromEntries([...entries(f, 'Attributes').values()].map((e) => [e.key!, e.value!]));
      let filter: CompiledPattern | undefined;
      if (attrs.FilterPolicy) {
        if (attrs.FilterPolicyScope === 'MessageBody') throw new ApiError('InvalidParameter', 'Invalid parameter: FilterPolicyScope MessageBody is not supported locally');
        try {
          filter = compilePattern(attrs.FilterPolicy);
        } catch (err) {
          throw new ApiError('InvalidParameter', `Invalid parameter: FilterPolicy: ${(err as Error).message}`);
        }
      }
      // Subscriptions are confirmed at once (locally there is no SubscriptionConfirmation round trip).
      const existing = [...subscriptions.values()].find((s) => s.TopicArn === arn && s.Protocol === protocol && s.Endpoint === ep);
      const sub: Subscription = existing ?? {
        SubscriptionArn: `${arn}:${randomUUID()}`,
        TopicArn: arn,
        Protocol: protocol,
        Endpoint: ep,
        RawMessageDelivery: attrs.RawMessageDelivery === 'true',
        ...(filter ? { filter, FilterPolicy: attrs.FilterPolicy } : {}),
      };
      subscriptions.set(sub.SubscriptionArn, sub);
      return `<SubscribeResult><SubscriptionArn>${esc(sub.SubscriptionArn)}</SubscriptionArn></SubscribeResult>`;
    },
    Unsubscribe(f) {
      const arn = f.get('SubscriptionArn') ?? '';
      if (!subscriptions.delete(arn)) throw new ApiError('NotFound', 'Subscription does not exist', 404);
      return '';
    },
    ListSubscriptionsByTopic(f) {
      const arn = topicOf(f.get('TopicArn'));
      const members = [...subscriptions.values()]
        .filter((s) => s.TopicArn === arn)
        .map(
          (s) =>
            `<member><SubscriptionArn>${esc(s.SubscriptionArn)}</SubscriptionArn><Owner>${opts.accountId}</Owner><Protocol>${s.Protocol}</Protocol><Endpoint>${esc(s.Endpoint)}</Endpoint><TopicArn>${esc(s.TopicArn)}</TopicArn></member>`,
        );
      return `<ListSubscriptionsByTopicResult><Subscriptions>${members.join('')}</Subscriptions></ListSubscriptionsByTopicResult>`;
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'GET' && url.pathname === '/messages') {
      const topic = url.searchParams.get('topic');
      const arn = topic && !topic.startsWith('arn:') ? topicArn(topic) : topic;
      send(res, 200, JSON.stringify({ messages: arn ? messages.filter((m) => m.TopicArn === arn) : messages }, null, 1), { 'content-type': 'application/json' });
      return;
    }
    const requestId = randomUUID();
    const form = req.method === 'POST' ? new URLSearchParams((await readBody(req, 2 * 1024 * 1024)).toString('utf8')) : url.searchParams;
    const action = form.get('Action') ?? '';
    const xml = (status: number, body: string) => send(res, status, `<?xml version="1.0"?>\n${body}`, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
    const op = ops[action];
    try {
      if (!op) throw new ApiError('InvalidAction', `The action ${action || '(none)'} is not valid for this endpoint.`);
      const result = op(form);
      xml(200, `<${action}Response xmlns="${XMLNS}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      xml(err.status, `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${err.code}</Code><Message>${esc(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
    }
  }

  const http = await listen(handle, { host: opts.host, port: opts.port, name: 'The local SNS' });
  endpoint = http.endpoint;
  const drain = async () => {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
  };
  return {
    endpoint: http.endpoint,
    port: http.port,
    topicArn,
    messages: () => [...messages],
    drain,
    async stop() {
      stopped = true;
      await http.close();
      await drain();
    },
  };
}
