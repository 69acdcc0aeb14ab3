import { describe, expect, it } from 'vitest';
import { readDateRange } from '../../../server/stats/date-range';
import { formatRate, overallRate, participationByUnit } from '../../../server/stats/participation';
import { trendChartHtml } from '../../../server/stats/trend-chart';
import { trendSeries } from '../../../server/stats/trend';

describe('participationByUnit', () => {
  it('ranks by rate, so a small unit where all shared beats a big one with more shares', () => {
    const rows = participationByUnit(
      [
        { unit: 'Bidang IKP', people: 3 },
        { unit: 'Sekretariat', people: 300 },
        { unit: 'Bidang TIK', people: 10 },
      ],
      [
        { unit: 'Bidang IKP', people: 3 },
        { unit: 'Sekretariat', people: 40 },
      ],
    );
    expect(rows).toEqual([
      { unit: 'Bidang IKP', enrolled: 3, sharers: 3, rate: 1, rank: 1 },
      { unit: 'Sekretariat', enrolled: 300, sharers: 40, rate: 40 / 300, rank: 2 },
      { unit: 'Bidang TIK', enrolled: 10, sharers: 0, rate: 0, rank: 3 },
    ]);
    expect(overallRate(rows)).toBeCloseTo(43 / 313);
  });

  it('gives equal rates the same rank, and a unit nobody is enrolled in no rate', () => {
    const rows = participationByUnit(
      [
        { unit: 'A', people: 2 },
        { unit: 'B', people: 4 },
        { unit: 'C', people: 5 },
      ],
      [
        { unit: 'A', people: 1 },
        { unit: 'B', people: 2 },
        { unit: 'C', people: 1 },
        { unit: 'Lama', people: 1 },
      ],
    );
    expect(rows.map((r) => [r.unit, r.rank, r.rate])).toEqual([
      ['B', 1, 0.5],
      ['A', 1, 0.5],
      ['C', 3, 0.2],
      ['Lama', 4, null],
    ]);
  });

  it('formats rates per language', () => {
    expect(formatRate(0.5, 'id')).toBe('50 %');
    expect(formatRate(0.5, 'en')).toBe('50%');
    expect(formatRate(0.025, 'id')).toBe('2,5 %');
    expect(formatRate(null, 'en')).toBe('—');
  });
});

describe('readDateRange', () => {
  it('defaults to the last 7 days to today', () => {
    expect(readDateRange({}, '2026-11-26')).toEqual({ ok: true, range: { from: '2026-11-20', to: '2026-11-26', days: 7 } });
  });

  it.each([
    [{ from: '2026-11-27', to: '2026-11-26' }, 'range_order'],
    [{ from: '2025-01-01', to: '2026-11-26' }, 'range_too_long'],
    [{ from: '2026-02-30' }, 'bad_date'],
    [{ to: '26/11/2026' }, 'bad_date'],
  ])('refuses %j (%s)', (query, code) => {
    expect(readDateRange(query, '2026-11-26')).toMatchObject({ ok: false, problem: { code } });
  });
});

describe('trendSeries and its chart', () => {
  const range = { from: '2026-11-24', to: '2026-11-26', days: 3 };

  it('fills days without shares with zeros', () => {
    expect(trendSeries(range, [{ date: '2026-11-25', shares: 4, sharers: 2 }])).toEqual([
      { date: '2026-11-24', shares: 0, sharers: 0 },
      { date: '2026-11-25', shares: 4, sharers: 2 },
      { date: '2026-11-26', shares: 0, sharers: 0 },
    ]);
  });

  it("renders the extension's chart as an accessible svg", () => {
    const html = trendChartHtml(trendSeries(range, [{ date: '2026-11-25', shares: 4, sharers: 2 }]), { language: 'id', today: '2026-11-26' });
    expect(html).toMatch(/^<figure class="chart"><figcaption>Bagikan per hari, 2026-11-24 s.d. 2026-11-26 \(jumlah 4\)<\/figcaption><svg/);
    expect(html).toContain('role="img"');
    expect(html).toContain('data-date="2026-11-25" data-count="4"');
    expect(html).toContain('chart-bar--today');
    expect(html).toContain('Hari ini');
    const past = trendChartHtml(trendSeries(range, []), { language: 'en', today: '2026-12-01' });
    expect(past).not.toContain('chart-bar--today');
    expect(past).toContain('Shares per day');
  });
});
