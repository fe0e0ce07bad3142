/**
 * The event Lambda's DynamoDB event source mapping delivers (NEW_AND_OLD_IMAGES): records with
 * DynamoDB-JSON images, which the handler unmarshalls once.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

export interface StreamRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventSource?: string;
  eventSourceARN?: string;
  awsRegion?: string;
  dynamodb: {
    Keys?: Record<string, AttributeValue>;
    NewImage?: Record<string, AttributeValue>;
    OldImage?: Record<string, AttributeValue>;
    SequenceNumber: string;
    /** Seconds since the epoch (Lambda's event shape). */
    ApproximateCreationDateTime?: number;
    StreamViewType?: string;
    SizeBytes?: number;
  };
  /** Set on deletes made by DynamoDB's TTL (principalId dynamodb.amazonaws.com). */
  userIdentity?: { type: string; principalId: string };
}

export interface StreamEvent {
  Records: StreamRecord[];
}

export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

export type Item = Record<string, unknown>;

export interface Change {
  record: StreamRecord;
  eventName: StreamRecord['eventName'];
  entity: string | null;
  old: Item | null;
  new: Item | null;
  /** When DynamoDB recorded the change (ms), else now. */
  at: number;
}

export function changeOf(record: StreamRecord): Change {
  const old = record.dynamodb.OldImage ? (unmarshall(record.dynamodb.OldImage) as Item) : null;
  const nu = record.dynamodb.NewImage ? (unmarshall(record.dynamodb.NewImage) as Item) : null;
  const entity = (nu?.entity ?? old?.entity ?? null) as string | null;
  const seconds = record.dynamodb.ApproximateCreationDateTime;
  return { record, eventName: record.eventName, entity, old, new: nu, at: typeof seconds === 'number' ? seconds * 1000 : Date.now() };
}
