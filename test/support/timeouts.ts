/** How long a hook that starts a real service may take: the local AppSync package's bound, shared. */
export { START_TIMEOUT_MS } from '../../packages/appsync-local/test/support/timeouts.ts';
