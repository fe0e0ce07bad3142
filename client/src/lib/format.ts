export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
export const ROLES = ['ADMIN', 'MEMBER', 'VIEWER'] as const;

// One formatter each (toLocale*String builds a new one per call: noticeable on a 500-card board).
let short: Intl.DateTimeFormat | undefined;
export function shortDate(iso?: string | null): string {
  if (!iso) return '';
  return (short ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })).format(new Date(iso));
}
export function dateTime(iso?: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
export function isOverdue(iso?: string | null, status?: string): boolean {
  return !!iso && status !== 'DONE' && new Date(iso).getTime() < Date.now();
}
export function initials(name?: string | null): string {
  if (!name) return '?';
  return name.split(/[\s@.]+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('');
}
export function minutes(m: number): string {
  const h = Math.floor(m / 60);
  return h ? `${h} h ${m % 60 ? `${m % 60} min` : ''}`.trim() : `${m} min`;
}
export function bytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
/** A datetime-local input value (local time) as an ISO instant, or null. */
export function fromLocalInput(v: string): string | null {
  return v ? new Date(v).toISOString() : null;
}
export function toLocalInput(iso?: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
