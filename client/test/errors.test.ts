import { describe, expect, it } from 'vitest';
import { errorMessage } from '../src/lib/errors';

describe('API errors as sentences', () => {
  it('words AppSync error types for people', () => {
    expect(errorMessage({ graphQLErrors: [{ errorType: 'ConflictError', message: 'Version mismatch', errorInfo: { currentVersion: 4 } }] })).toMatch(/^Someone else changed this/);
    expect(errorMessage({ graphQLErrors: [{ errorType: 'ConflictError', errorInfo: { reason: 'PROJECT_ARCHIVED' } }] }, 'Moving TW-1 was undone')).toBe('Moving TW-1 was undone: this project is archived; restore it to make changes.');
    expect(errorMessage({ graphQLErrors: [{ errorType: 'Unauthorized', message: 'x' }] })).toBe("You don't have permission to do that.");
    expect(errorMessage({ graphQLErrors: [{ errorType: 'ValidationError', message: 'limit must be between 1 and 100' }] })).toBe('Limit must be between 1 and 100.');
    expect(errorMessage({ networkError: { statusCode: 401 } })).toBe('Your session has ended. Please sign in again.');
    expect(errorMessage({ networkError: {} })).toMatch(/can't be reached/);
  });
});
