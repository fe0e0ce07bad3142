/**
 * Comments: @mention parsing. A mention is `@` followed by a handle: a member's user id, or the local
 * part of their email (before the `@`), case-insensitive — e.g. `@ada` for ada@example.com. Handles end
 * at whitespace or punctuation other than `.`, `_`, `-`, `+`; a trailing `.` is dropped (end of sentence).
 * Only current members of the project are recorded, each once.
 */
export const HANDLE_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789._-+';

export interface MemberRef {
  userId: string;
  email?: string | null;
}

function handleOf(word: string): string {
  let out = '';
  let open = true;
  word
    .toLowerCase()
    .split('')
    .forEach((c) => {
      if (open && HANDLE_CHARS.indexOf(c) >= 0) out = out + c;
      else open = false;
    });
  return out.endsWith('.') ? out.slice(0, out.length - 1) : out;
}

export function mentionedUserIds(body: string, members: MemberRef[]): string[] {
  const handles = body
    .split('\n')
    .flatMap((line) => line.split('\t'))
    .flatMap((line) => line.split(' '))
    .flatMap((word) => word.split('@').slice(1))
    .map((h) => handleOf(h))
    .filter((h) => h.length > 0);
  const ids: string[] = [];
  members.forEach((m) => {
    const local = m.email ? m.email.toLowerCase().split('@')[0] : null;
    const hit = handles.some((h) => h === m.userId.toLowerCase() || (local !== null && h === local));
    if (hit && ids.indexOf(m.userId) < 0) ids.push(m.userId);
  });
  return ids;
}
