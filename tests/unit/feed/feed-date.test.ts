import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '@/lib/feed/feed-date';

describe('parseFeedDate', () => {
  it.each([
    ['RFC 3339 with offset', '2026-11-26T07:00:00+07:00', 'Asia/Jakarta', '2026-11-26T00:00:00.000Z'],
    ['RFC 3339 UTC with fraction', '2026-11-26T00:00:00.250Z', 'Asia/Jakarta', '2026-11-26T00:00:00.250Z'],
    ['RFC 3339 without a zone: the feed zone (WIB)', '2026-11-26T07:00:00', 'Asia/Jakarta', '2026-11-26T00:00:00.000Z'],
    ['RFC 3339 without a zone: the feed zone (WIT)', '2026-11-26T07:00:00', 'Asia/Jayapura', '2026-11-25T22:00:00.000Z'],
    ['a date only: midnight in the feed zone', '2026-11-26', 'Asia/Makassar', '2026-11-25T16:00:00.000Z'],
    ['RFC 822 with numeric zone', 'Thu, 26 Nov 2026 07:00:00 +0700', 'UTC', '2026-11-26T00:00:00.000Z'],
    ['RFC 822 GMT', 'Thu, 26 Nov 2026 01:00:00 GMT', 'Asia/Jakarta', '2026-11-26T01:00:00.000Z'],
    ['RFC 822 without seconds or day name', '26 Nov 2026 07:00 +0700', 'UTC', '2026-11-26T00:00:00.000Z'],
    ['RFC 822 two-digit year', 'Thu, 26 Nov 26 07:00:00 +0700', 'UTC', '2026-11-26T00:00:00.000Z'],
    ['WIB', 'Kam, 26 Nov 2026 07:00:00 WIB', 'UTC', '2026-11-26T00:00:00.000Z'],
    ['WITA', 'Thu, 26 Nov 2026 08:00:00 WITA', 'UTC', '2026-11-26T00:00:00.000Z'],
    ['WIT', 'Thu, 26 Nov 2026 09:00:00 WIT', 'UTC', '2026-11-26T00:00:00.000Z'],
    ['Indonesian month', '26 Agu 2026 07:00:00 +0700', 'UTC', '2026-08-26T00:00:00.000Z'],
    ['RFC 822 without a zone: the feed zone', 'Thu, 26 Nov 2026 07:00:00', 'Asia/Jakarta', '2026-11-26T00:00:00.000Z'],
  ])('%s', (_label, text, zone, expected) => {
    expect(parseFeedDate(text, zone)).toBe(expected);
  });

  it.each([['kemarin'], [''], ['2026-13-01'], ['2026-02-30T00:00:00Z'], ['Thu, 31 Nov 2026 00:00:00 GMT'], ['26 Foo 2026'], ['2026-11-26T25:00:00Z'], ['2026-11-26T00:00:00+99:00'], ['x'.repeat(200)]])(
    'refuses %j',
    (text) => {
      expect(parseFeedDate(text, 'Asia/Jakarta')).toBeNull();
    },
  );
});
