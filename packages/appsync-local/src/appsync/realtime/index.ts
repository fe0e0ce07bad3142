/** The real-time WebSocket endpoint and subscription fan-out (see server.ts). */
export {
  createRealtimeServer,
  connectHeaders,
  type Authenticate,
  type PrepareInput,
  type PrepareSubscription,
  type RealtimeAuthRequest,
  type RealtimeOptions,
  type RealtimeServer,
  type StartError,
} from './server.ts';
export { createHub, type Hub, type Subscriber, type SubscriberSink } from './hub.ts';
export { compilePlan, shapePayload, type FieldAuthorizer, type Plan } from './shape.ts';
export { filterMatches, validateFilter, argumentsMatch, conditionMatches, FILTER_LIMITS } from './filter.ts';
