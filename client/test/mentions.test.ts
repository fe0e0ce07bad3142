import { describe, expect, it } from 'vitest';
import { insertMention, mentionAt, mentionedMembers, parseHandles, suggest } from '../src/lib/mentions';

const members = [
  { userId: 'u-ada', email: 'ada@taskwire.local', displayName: 'Ada Admin' },
  { userId: 'u-max', email: 'max@taskwire.local', displayName: 'Max Member' },
  { userId: 'u-mia', email: 'mia.k@example.com', displayName: 'Mia K' },
];

describe('mention parsing (as the API reads it)', () => {
  it('finds handles, lower-cases them and drops a sentence-ending dot', () => {
    expect(parseHandles('Hi @Ada, ask @max. Also @mia.k!')).toEqual(['ada', 'max', 'mia.k']);
  });
  it('maps handles to members once each; unknown handles and emails are not members', () => {
    expect(mentionedMembers('@max @max @nobody mail ada@taskwire.local', members).map((m) => m.userId)).toEqual(['u-max']);
  });
  it('accepts a user id as a handle', () => {
    expect(mentionedMembers('cc @u-mia', members).map((m) => m.userId)).toEqual(['u-mia']);
  });
});

describe('mention autocomplete', () => {
  it('sees the handle being typed at the caret', () => {
    expect(mentionAt('hello @ma', 9)).toEqual({ start: 6, query: 'ma' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('mail me at x@ex', 15)).toBeNull();
    expect(mentionAt('no mention', 10)).toBeNull();
  });
  it('suggests members by handle or name', () => {
    expect(suggest(members, 'm').map((m) => m.userId)).toEqual(['u-max', 'u-mia']);
    expect(suggest(members, 'ma').map((m) => m.userId)).toEqual(['u-max']);
    expect(suggest(members, 'adm').map((m) => m.userId)).toEqual(['u-ada']);
  });
  it('inserts the chosen handle and moves the caret after it', () => {
    expect(insertMention('hi @ma and', 3, 6, members[1]!)).toEqual({ text: 'hi @max  and', caret: 8 });
  });
});
