/**
 * How long a hook that starts a real service (DynamoDB Local's Java, cognito-local, s3rver, a whole
 * local runtime) may take. Generous on purpose: a crash is reported at once (the services watch their
 * process exit), so this only bounds a hang — and on a busy 2-core machine Java alone can take well
 * over the 60 s default hook timeout to answer.
 */
export const START_TIMEOUT_MS = 240_000;
