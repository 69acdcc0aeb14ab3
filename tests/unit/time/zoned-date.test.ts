import { describe, expect, it } from 'vitest';
import { addDays, calendarDate, formatWithOffset, pickTimeZone, startOfDate } from '@/lib/time/zoned-date';

describe('zoned dates', () => {
  it.each([
    ['2026-11-25T16:59:59Z', 'Asia/Jakarta', '2026-11-25'],
    ['2026-11-25T17:00:00Z', 'Asia/Jakarta', '2026-11-26'],
    ['2026-11-25T15:59:59Z', 'Asia/Makassar', '2026-11-25'],
    ['2026-11-25T16:00:00Z', 'Asia/Makassar', '2026-11-26'],
    ['2026-11-25T14:59:59Z', 'Asia/Jayapura', '2026-11-25'],
    ['2026-11-25T15:00:00Z', 'Asia/Jayapura', '2026-11-26'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(calendarDate(new Date(instant), zone)).toBe(date);
  });

  it('formats with the zone offset', () => {
    expect(formatWithOffset(new Date('2026-11-26T02:14:03Z'), 'Asia/Jakarta')).toBe('2026-11-26T09:14:03+07:00');
    expect(formatWithOffset(new Date('2026-11-26T02:14:03Z'), 'Asia/Jayapura')).toBe('2026-11-26T11:14:03+09:00');
    expect(formatWithOffset(new Date('2026-07-01T12:00:00Z'), 'America/St_Johns')).toBe('2026-07-01T09:30:00-02:30');
  });

  it('finds the start of a day, also where the offset changes', () => {
    expect(startOfDate('2026-11-26', 'Asia/Jakarta').toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(startOfDate('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDate('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('falls back to Asia/Jakarta for missing or unknown zones', () => {
    expect(pickTimeZone(undefined, 'Not/AZone', 'Asia/Makassar')).toBe('Asia/Makassar');
    expect(pickTimeZone(null, '', 42)).toBe('Asia/Jakarta');
  });
});
