import { formatWithOffset, offsetMinutes } from '../../lib/time/zoned-date';

/**
 * Indonesia's three zones. An office works in one of them; editors type the
 * validity window as wall-clock times there, and the server stores instants.
 */
export const OFFICE_ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;

export type OfficeZoneName = keyof typeof OFFICE_ZONES;
export type OfficeZone = (typeof OFFICE_ZONES)[OfficeZoneName];

export function isOfficeZone(value: unknown): value is OfficeZone {
  return Object.values(OFFICE_ZONES).includes(value as OfficeZone);
}

/** `WIB` for Asia/Jakarta, for labels beside times. */
export function zoneName(zone: OfficeZone): OfficeZoneName {
  return (Object.keys(OFFICE_ZONES) as OfficeZoneName[]).find((name) => OFFICE_ZONES[name] === zone) ?? 'WIB';
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * The instant a person meant: `2026-11-26T08:00` (what `<input type="datetime-local">`
 * sends) is read as a wall-clock time in the office's zone; a full RFC 3339 time with
 * its own offset is taken as it is. null when it is not a real date and time.
 */
export function readWindowTime(text: string, zone: OfficeZone): Date | null {
  const value = text.trim();
  if (WITH_OFFSET.test(value)) {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const match = LOCAL.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const check = new Date(wall);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not exist is refused.
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59 || s! > 59) return null;
  // Two passes settle the offset, even where a zone changed its offset (none in Indonesia today).
  let instant = new Date(wall - offsetMinutes(new Date(wall), zone) * 60_000);
  instant = new Date(wall - offsetMinutes(instant, zone) * 60_000);
  return instant;
}

/** The value for `<input type="datetime-local">` showing the instant in the office's zone. */
export function toLocalInput(instant: Date, zone: OfficeZone): string {
  return formatWithOffset(instant, zone).slice(0, 16);
}

/** `26-11-2026 08:00 WIB`, for messages and lists. */
export function formatOfficeTime(instant: Date, zone: OfficeZone): string {
  const local = formatWithOffset(instant, zone);
  return `${local.slice(8, 10)}-${local.slice(5, 7)}-${local.slice(0, 4)} ${local.slice(11, 16)} ${zoneName(zone)}`;
}
