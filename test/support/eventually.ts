/**
 * The one way tests wait (retry a check until it passes or a generous bound runs out): the local
 * AppSync package's helper, so Taskwire's tests and the package's share one copy.
 */
export { eventually, type EventuallyOptions } from '../../packages/appsync-local/test/support/eventually.ts';
