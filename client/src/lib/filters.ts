/** Board filters live in the URL query (?assignee=&label=&priority=&q=) so a filtered board can be shared. */
import type { Filters } from './board';

const KEYS = ['assignee', 'label', 'priority', 'q'] as const;
type Query = Record<string, string | null | (string | null)[] | undefined>;

export function filtersFromQuery(query: Query): Filters {
  const out: Filters = {};
  for (const k of KEYS) {
    const raw = query[k];
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  return out;
}

/** The route query for these filters, keeping other query keys (e.g. the open task) as they are. */
export function filtersToQuery(filters: Filters, current: Query = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(current)) {
    if ((KEYS as readonly string[]).includes(k)) continue;
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string') out[k] = s;
  }
  for (const k of KEYS) {
    const v = filters[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}
