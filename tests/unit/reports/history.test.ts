import { describe, expect, it } from 'vitest';
import { filterByDay, historyCsvRows, historyStatus, sharesPerDay } from '@/lib/reports/history';
import type { ShareRecord } from '@/lib/reports/types';
import { makeRecord } from './share-factory';

const on = (id: string, sharedAt: string, overrides: Partial<ShareRecord> = {}) => {
  const record = makeRecord(id, overrides);
  return { ...record, report: { ...record.report, shared_at: sharedAt } };
};

describe('historyStatus (docs/protocol.md §5)', () => {
  it.each([
    ['waiting in the outbox', { delivery: 'pending' as const }, 'pending'],
    ['no receiver known', { delivery: 'local' as const, receiver: null }, 'pending'],
    ['accepted, confirmed by hand', { delivery: 'delivered' as const }, 'confirmed'],
    ['rejected', { delivery: 'failed' as const, reason: 'x' }, 'failed'],
  ])('%s → %s', (_label, overrides, status) => {
    expect(historyStatus(makeRecord('a', overrides))).toBe(status);
  });

  it('a published share accepted by the receiver is published', () => {
    const record = makeRecord('a', { delivery: 'delivered' });
    expect(historyStatus({ ...record, report: { ...record.report, status: 'published' } })).toBe('published');
  });
});

describe('filterByDay', () => {
  const records = [
    on('a', '2026-11-24T23:59:00+07:00'),
    on('b', '2026-11-25T00:00:00+07:00'),
    on('c', '2026-11-26T08:00:00+09:00'),
  ];
  it.each([
    ['', '', ['a', 'b', 'c']],
    ['2026-11-25', '', ['b', 'c']],
    ['', '2026-11-25', ['a', 'b']],
    ['2026-11-25', '2026-11-25', ['b']],
    ['2026-11-27', '', []],
  ])('from %j to %j', (from, to, ids) => {
    expect(filterByDay(records, from, to).map((r) => r.report.id)).toEqual(ids);
  });
});

describe('sharesPerDay', () => {
  it('counts the last 30 days by the share’s own date, zeros included, across a month end', () => {
    const records = [
      on('a', '2026-12-01T09:00:00+07:00'),
      on('b', '2026-12-01T23:30:00+07:00'),
      on('c', '2026-11-30T10:00:00+08:00'),
      on('d', '2026-11-01T10:00:00+07:00'), // 31 days before: outside
      on('e', '2026-12-02T10:00:00+07:00'), // after today: outside
    ];
    const days = sharesPerDay(records, '2026-12-01');
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ date: '2026-11-02', count: 0 });
    expect(days.at(-2)).toEqual({ date: '2026-11-30', count: 1 });
    expect(days.at(-1)).toEqual({ date: '2026-12-01', count: 2 });
    expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(3);
  });
});

describe('historyCsvRows', () => {
  it('has one row per share with the status of the history', () => {
    const record = makeRecord('id-1', { delivery: 'failed', reason: 'item unknown', title: 'SAIK' });
    expect(historyCsvRows([record])[0]).toEqual([
      '2026-11-26T09:14:03+07:00', 'SAIK', 'a', '', 'x', 'failed', 'manual', '', 'item unknown', 'id-1',
      'https://siar.example.go.id/feed.json', 'https://siar.example.go.id/api/v1/shares',
    ]);
  });
});
