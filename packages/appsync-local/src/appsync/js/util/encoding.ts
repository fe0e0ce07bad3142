/** util.urlEncode/urlDecode/base64Encode/base64Decode/escapeJavaScript (UTF-8, Java semantics). */

/** Java's URLEncoder (application/x-www-form-urlencoded): space → '+', keeps `A-Za-z0-9.-*_`. */
export function urlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Java's URLDecoder: '+' → space, %XX as UTF-8. */
export function urlDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

export function base64Encode(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

export function base64Decode(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}

const JS_ESCAPES: Record<string, string> = {
  "'": "\\'", '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r',
};

/**
 * Apache Commons' StringEscapeUtils.escapeEcmaScript, which AppSync's Java runtime uses: quotes,
 * backslash and slash escaped, control characters as \b\n\t\f\r, and anything outside 32..127 as \uXXXX.
 */
export function escapeJavaScript(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const code = value.charCodeAt(i);
    if (Object.hasOwn(JS_ESCAPES, ch)) out += JS_ESCAPES[ch];
    else if (code < 32 || code > 0x7f) out += '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out;
}
