/**
 * @mentions as the API reads them (resolvers/lib/comment.ts): `@` then a handle — the local part of a
 * member's email (before its `@`) or their user id — case-insensitive, made of letters, digits and
 * `._-+`, a trailing `.` dropped. The client offers members while a handle is typed and shows which
 * members a comment will notify.
 */
export const HANDLE_CHARS = /[a-z0-9._+-]/i;

export interface MentionMember {
  userId: string;
  email?: string | null;
  displayName?: string | null;
}

export function handleOf(m: MentionMember): string {
  return m.email ? m.email.split('@')[0]!.toLowerCase() : m.userId.toLowerCase();
}

/** The handles in a body, as the server extracts them. */
export function parseHandles(body: string): string[] {
  const out: string[] = [];
  for (const word of body.split(/[\s]+/)) {
    for (const part of word.split('@').slice(1)) {
      let h = '';
      for (const c of part.toLowerCase()) {
        if (HANDLE_CHARS.test(c)) h += c;
        else break;
      }
      if (h.endsWith('.')) h = h.slice(0, -1);
      if (h && !out.includes(h)) out.push(h);
    }
  }
  return out;
}

/** Members a body mentions (each once, in member order). */
export function mentionedMembers(body: string, members: MentionMember[]): MentionMember[] {
  const handles = parseHandles(body);
  return members.filter((m) => handles.includes(handleOf(m)) || handles.includes(m.userId.toLowerCase()));
}

/** The handle being typed at the caret: `@` at a word start followed by handle characters up to the caret. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  let i = caret;
  while (i > 0 && HANDLE_CHARS.test(text[i - 1]!)) i--;
  if (i === 0 || text[i - 1] !== '@') return null;
  const at = i - 1;
  if (at > 0 && !/\s/.test(text[at - 1]!)) return null; // an email address, not a mention
  return { start: at, query: text.slice(i, caret).toLowerCase() };
}

export function suggest(members: MentionMember[], query: string, limit = 6): MentionMember[] {
  const q = query.toLowerCase();
  return members
    .filter((m) => handleOf(m).startsWith(q) || (m.displayName ?? '').toLowerCase().split(/\s+/).some((w) => w.startsWith(q)))
    .slice(0, limit);
}

/** Replaces the typed `@que` with `@handle ` and returns the new text and caret. */
export function insertMention(text: string, start: number, caret: number, m: MentionMember): { text: string; caret: number } {
  const ins = `@${handleOf(m)} `;
  return { text: text.slice(0, start) + ins + text.slice(caret), caret: start + ins.length };
}
