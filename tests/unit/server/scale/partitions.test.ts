import { describe, expect, it } from 'vitest';
import { monthsBefore, monthsBetween, nextMonth } from '../../../../server/scale/partitions';

describe('monthly partitions: month arithmetic', () => {
  it('lists the months from one instant to some months after another, across a year end', () => {
    expect(monthsBetween('2026-11-26T09:14:03.000Z', '2026-12-02T00:00:00.000Z', 2)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-12', '2026-12', 0)).toEqual(['2026-12']);
  });

  it('steps a month forward and back', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(monthsBefore('2027-01', 2)).toBe('2026-11');
    expect(monthsBefore('2027-03', 14)).toBe('2026-01');
  });

  it('names bounds that order ISO instants as text does', () => {
    const [from, to] = ['2026-11', nextMonth('2026-11')];
    for (const instant of ['2026-11-01T00:00:00.000Z', '2026-11-30T23:59:59.999Z']) expect(instant >= from && instant < to).toBe(true);
    expect('2026-12-01T00:00:00.000Z' < to).toBe(false);
  });
});
