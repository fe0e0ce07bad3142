/**
 * Java regular expressions (java.util.regex.Pattern) run on JavaScript's engine, as far as JS allows.
 * AppSync evaluates util.matches and the pattern of String replace/replaceAll as Java regexes.
 * Translated: inline flags at the start ((?i) (?s) (?m) (?u) (?x is refused)), \A \z \Z, \Q…\E
 * quoting, POSIX classes \p{Alpha} & co., \h, possessive quantifiers and atomic groups (approximated
 * by their greedy/plain forms: same matches on ordinary inputs, no backtracking guarantees), escaped
 * punctuation. The result always uses the `u` flag (code-point semantics, like Java).
 * Not translatable (class intersections `&&`, lookbehind differences, \G): refused with a clear error.
 */
import { AppSyncJsRuntimeError } from '../errors.ts';

const POSIX: Record<string, string> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F', Space: ' \\t\\n\\x0B\\f\\r',
  javaLowerCase: '\\p{Ll}', javaUpperCase: '\\p{Lu}', javaWhitespace: '\\s', IsAlphabetic: '\\p{Alphabetic}',
  IsLetter: '\\p{L}', IsDigit: '\\p{Nd}', L: '\\p{L}', Lu: '\\p{Lu}', Ll: '\\p{Ll}', N: '\\p{N}', Nd: '\\p{Nd}',
  P: '\\p{P}', S: '\\p{S}', Z: '\\p{Z}',
};

export interface TranslatedRegex {
  source: string;
  flags: string;
}

const cache = new Map<string, TranslatedRegex>();

function escapeChar(ch: string): string {
  return '\\u{' + ch.codePointAt(0)!.toString(16) + '}';
}

export function translateJavaRegex(pattern: string): TranslatedRegex {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const flags = new Set(['u']);
  let i = 0;
  // Leading inline flags: (?i) (?is) …
  let lead: RegExpExecArray | null;
  while ((lead = /^\(\?([imsux]+)\)/.exec(pattern.slice(i)))) {
    for (const f of lead[1]) {
      if (f === 'x') throw new AppSyncJsRuntimeError(`Java regex flag (?x) is not supported locally: ${pattern}`);
      if (f !== 'u') flags.add(f);
    }
    i += lead[0].length;
  }
  const multiline = flags.has('m');
  let out = '';
  let inClass = 0;
  let lastQuantifier = false;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      lastQuantifier = false;
      const next = pattern[i + 1];
      if (next === undefined) throw invalid(pattern, 'trailing backslash');
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const literal = pattern.slice(i + 2, end === -1 ? pattern.length : end);
        for (const c of literal) out += /[A-Za-z0-9 ]/.test(c) ? c : escapeChar(c);
        i = end === -1 ? pattern.length : end + 2;
        continue;
      }
      if ((next === 'p' || next === 'P') && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 3);
        const name = pattern.slice(i + 3, close).replace(/^Is(?=[A-Z][a-z])/, '');
        const body = POSIX[name] ?? POSIX['Is' + name];
        if (!body) throw new AppSyncJsRuntimeError(`Java regex class \\${next}{${name}} is not supported locally`);
        const negate = next === 'P';
        out += inClass ? (negate ? `\\P{${name}}` : body) : `[${negate ? '^' : ''}${body}]`;
        i = close + 1;
        continue;
      }
      if (!inClass && next === 'A') { out += multiline ? '(?<![\\s\\S])' : '^'; i += 2; continue; }
      if (!inClass && next === 'z') { out += '(?![\\s\\S])'; i += 2; continue; }
      if (!inClass && next === 'Z') { out += '(?=\\n?(?![\\s\\S]))'; i += 2; continue; }
      if (next === 'h') { out += inClass ? ' \\t\\xA0' : '[ \\t\\xA0]'; i += 2; continue; }
      if (next === 'G') throw new AppSyncJsRuntimeError(`Java regex \\G is not supported locally: ${pattern}`);
      // Escaped punctuation is literal in Java; `u` mode only accepts some of it escaped.
      if (!/[A-Za-z0-9]/.test(next)) { out += escapeChar(next); i += 2; continue; }
      out += ch + next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (ch === '[') throw new AppSyncJsRuntimeError(`Java regex nested character classes are not supported locally: ${pattern}`);
      if (ch === '&' && pattern[i + 1] === '&') throw new AppSyncJsRuntimeError(`Java regex class intersection (&&) is not supported locally: ${pattern}`);
      if (ch === ']') inClass = 0;
      out += ch;
      i++;
      continue;
    }
    if (ch === '[') {
      inClass = 1;
      out += ch;
      i++;
      if (pattern[i] === '^') { out += '^'; i++; }
      // A leading ']' is literal in Java.
      if (pattern[i] === ']') { out += '\\]'; i++; }
      continue;
    }
    if (ch === '(' && pattern.startsWith('(?>', i)) { out += '(?:'; i += 3; continue; }
    if (ch === '+' && lastQuantifier) {
      // Possessive quantifier (x*+, x++, x?+, x{n}+): approximated as greedy.
      lastQuantifier = false;
      i++;
      continue;
    }
    if (ch === ']') { out += '\\]'; i++; lastQuantifier = false; continue; }
    const bounded = ch === '{' ? /^\{\d+(,\d*)?\}/.exec(pattern.slice(i)) : null;
    if (bounded) {
      out += bounded[0];
      i += bounded[0].length;
      lastQuantifier = true;
      continue;
    }
    out += ch;
    // A quantifier directly after another one is a lazy (?) or possessive (+) modifier, not a quantifier.
    lastQuantifier = (ch === '*' || ch === '+' || ch === '?') && !lastQuantifier;
    i++;
  }
  let result: TranslatedRegex;
  try {
    new RegExp(out, [...flags].join(''));
    result = { source: out, flags: [...flags].join('') };
  } catch (err) {
    throw invalid(pattern, (err as Error).message);
  }
  cache.set(pattern, result);
  return result;
}

function invalid(pattern: string, why: string): AppSyncJsRuntimeError {
  return new AppSyncJsRuntimeError(`Invalid regular expression ${JSON.stringify(pattern)}: ${why}`);
}

/** util.matches: Java's String.matches, i.e. the whole string must match. */
export function matches(pattern: string, value: string): boolean {
  const t = translateJavaRegex(pattern);
  return new RegExp(`^(?:${t.source})$`, t.flags.replace('m', '')).test(String(value));
}

/**
 * A Java replacement string (Matcher.appendReplacement) as a JS one: `$1` and `${name}` refer to
 * groups, a backslash quotes the next character; every other `$` is an error in Java.
 */
export function translateReplacement(replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    if (ch === '\\') {
      i++;
      if (i >= replacement.length) throw new AppSyncJsRuntimeError('character to be escaped is missing');
      out += replacement[i] === '$' ? '$$' : replacement[i];
    } else if (ch === '$') {
      const named = /^\$\{([A-Za-z][A-Za-z0-9]*)\}/.exec(replacement.slice(i));
      if (named) {
        out += `$<${named[1]}>`;
        i += named[0].length - 1;
      } else if (/[0-9]/.test(replacement[i + 1] ?? '')) {
        out += '$' + replacement[i + 1];
        i++;
      } else {
        throw new AppSyncJsRuntimeError(`Illegal group reference in replacement ${JSON.stringify(replacement)}`);
      }
    } else {
      out += ch;
    }
  }
  return out;
}
