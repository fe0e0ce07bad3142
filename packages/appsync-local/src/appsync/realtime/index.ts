/** The real-time WebSocket endpoint and subscription fan-out (see server.ts). */
export {
  createRealtimeServer,
  connectHeaders,
  type PrepareInput,
  type PrepareSubscription,
  type RealtimeAuthRequest,
  type RealtimeOptions,
  type RealtimeServer,
  type StartError,
} from './server.ts';
export { Connection } from './connection.ts';
export { createHub, type Hub, type HubLog, type HubOptions, type Subscriber, type SubscriberSink } from './hub.ts';
export { compilePlan, shapePayload, type Plan } from './shape.ts';
export { createFieldAuthorizer, type FieldAuthorizer } from '../graphql/authz.ts';
export { filterMatches, validateFilter, argumentsMatch, conditionMatches, FILTER_LIMITS } from './filter.ts';
