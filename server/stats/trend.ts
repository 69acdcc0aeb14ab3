import { datesOf, type DateRange } from './date-range';

/** Shares and sharers per day over a range: days without a share are there as zeros, so a chart never skips. */

export interface DayCount {
  date: string;
  shares: number;
  sharers: number;
}

export function trendSeries(range: DateRange, rows: readonly DayCount[]): DayCount[] {
  const byDate = new Map(rows.map((row) => [row.date, row]));
  return datesOf(range).map((date) => byDate.get(date) ?? { date, shares: 0, sharers: 0 });
}
