import { offsetMinutes, type WallClock } from '../time/zoned-date';

/**
 * Dates as feeds write them: RFC 3339 (JSON Feed, Atom) and RFC 822 (RSS
 * `pubDate`), with the Indonesian zone names and month abbreviations that pemda
 * sites sometimes print. A date without a zone is a wall-clock time in the feed's
 * zone (never the zone of the machine that happens to run Siar).
 */

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

const RFC822 =
  /^(?:[A-Za-z]{2,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,4}|[+-]\d{4}|[+-]\d{2}:\d{2})?$/;

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, february: 2, peb: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  may: 5, mei: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  aug: 8, agu: 8, agt: 8, agustus: 8, august: 8, ags: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, okt: 10, oktober: 10, october: 10,
  nov: 11, nop: 11, november: 11,
  dec: 12, des: 12, desember: 12, december: 12,
};

/** Minutes east of UTC of the zone names RFC 822 allows, plus WIB / WITA / WIT. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  WIB: 420, WITA: 480, WIT: 540,
};

function offsetOf(zone: string): number | null {
  const sign = zone.charCodeAt(0);
  if (sign === 43 /* + */ || sign === 45 /* - */) {
    const colon = zone.charCodeAt(3) === 58 ? 1 : 0;
    const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3 + colon, 5 + colon));
    if (!(minutes <= 18 * 60)) return null;
    return sign === 45 ? -minutes : minutes;
  }
  return ZONES[zone.toUpperCase()] ?? null;
}

interface Fields extends WallClock {
  ms: number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validFields(f: Fields): boolean {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 60) return false;
  return f.day <= daysInMonth(f.year, f.month);
}

function wallClockUtc(f: Fields): number {
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, Math.min(f.second, 59), f.ms);
}

/** The instant at which a wall clock in the zone shows these fields. */
function zonedInstant(f: Fields, timeZone: string): number {
  const guess = wallClockUtc(f);
  // Two passes settle the offset even on a day when it changes.
  let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  instant = guess - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return instant;
}

/** A date read from a feed, before it is placed in a zone (zoneless dates need the feed's). */
export interface FeedDate {
  fields: Fields;
  /** The zone as written, absent when the date has none. */
  zone: string | undefined;
}

function partsFromRfc3339(match: RegExpExecArray): FeedDate {
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  return {
    fields: {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
      second: Number(s ?? 0),
      ms: frac ? Math.floor(Number(`0${frac}`) * 1000) : 0,
    },
    zone,
  };
}

function partsFromRfc822(match: RegExpExecArray): FeedDate | null {
  const [, d, monthName, y, h, mi, s, zone] = match;
  const month = MONTHS[(monthName ?? '').toLowerCase()];
  if (!month) return null;
  let year = Number(y);
  // RFC 822's two-digit years: RFC 2822 §4.3 reads 00–49 as 20xx.
  if ((y ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  return { fields: { year, month, day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0), ms: 0 }, zone };
}

/** The fields of a readable date (a real calendar day, a known zone), else null. */
export function readFeedDate(value: unknown): FeedDate | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const text = value.trim();
  if (text === '') return null;
  const rfc3339 = RFC3339.exec(text);
  const rfc822 = rfc3339 ? null : RFC822.exec(text);
  const parts = rfc3339 ? partsFromRfc3339(rfc3339) : rfc822 ? partsFromRfc822(rfc822) : null;
  if (!parts || !validFields(parts.fields)) return null;
  if (parts.zone !== undefined && offsetOf(parts.zone) === null) return null;
  return parts;
}

/** The instant of a read date (ms); a date without a zone is a wall clock in `timeZone`. */
export function feedDateToTime(date: FeedDate | null | undefined, timeZone: string): number | null {
  if (!date) return null;
  const time = date.zone === undefined ? zonedInstant(date.fields, timeZone) : wallClockUtc(date.fields) - offsetOf(date.zone)! * 60_000;
  return Number.isFinite(time) ? time : null;
}

/** An instant as Siar stores it: ISO 8601 in UTC. */
export function isoOf(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

/** The instant of a read date as ISO 8601 (UTC). */
export function feedDateToIso(date: FeedDate | null | undefined, timeZone: string): string | null {
  return isoOf(feedDateToTime(date, timeZone));
}

/** A feed's date → the instant as ISO 8601 (UTC), or null when it cannot be read. */
export function parseFeedDate(value: string | null | undefined, timeZone: string): string | null {
  return feedDateToIso(readFeedDate(value), timeZone);
}
