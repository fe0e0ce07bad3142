/**
 * Time and identifiers. Ids are ULIDs (`util.autoUlid()`), so sort keys built from them order by
 * creation time; timestamps are ISO-8601 UTC (`util.time.nowISO8601()`). Take `now()` once per request
 * and reuse it, so an item and its activity entry carry the same instant.
 */
import { util } from '@aws-appsync/utils';

export function now(): string {
  return util.time.nowISO8601();
}

export function newId(): string {
  return util.autoUlid();
}
