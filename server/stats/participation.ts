/**
 * Participation rate per unit = people of the unit who shared ÷ people enrolled in it.
 * A unit of 3 where 3 shared beats a unit of 300 with 200 shares from 40 people: the
 * leaderboard ranks by rate, not by counts. "Enrolled" is the office's list of people
 * (imported, not revoked), not only those who redeemed their code: otherwise a unit
 * could raise its rate by not activating its people. Only verified shares count (a
 * person's own token); reports on the legacy shared token are shown apart.
 */

export interface UnitCount {
  unit: string;
  people: number;
}

export interface UnitParticipation {
  unit: string;
  enrolled: number;
  sharers: number;
  /** sharers ÷ enrolled, 0…1; null when nobody is enrolled there. */
  rate: number | null;
  /** 1 for the best rate; equal rates share a rank. */
  rank: number;
}

export function participationByUnit(enrolled: readonly UnitCount[], sharers: readonly UnitCount[]): UnitParticipation[] {
  const units = new Map<string, { enrolled: number; sharers: number }>();
  for (const row of enrolled) units.set(row.unit, { enrolled: row.people, sharers: 0 });
  for (const row of sharers) {
    const unit = units.get(row.unit) ?? { enrolled: 0, sharers: 0 };
    unit.sharers = row.people;
    units.set(row.unit, unit);
  }
  const rows = [...units].map(([unit, counts]) => ({
    unit,
    ...counts,
    rate: counts.enrolled > 0 ? Math.min(1, counts.sharers / counts.enrolled) : null,
    rank: 0,
  }));
  rows.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.enrolled - a.enrolled || a.unit.localeCompare(b.unit, 'id'));
  let rank = 0;
  rows.forEach((row, index) => {
    if (index === 0 || row.rate !== rows[index - 1]!.rate) rank = index + 1;
    row.rank = rank;
  });
  return rows;
}

/** The whole office: everyone who shared ÷ everyone enrolled. */
export function overallRate(rows: readonly UnitParticipation[]): number | null {
  const enrolled = rows.reduce((sum, row) => sum + row.enrolled, 0);
  const sharers = rows.reduce((sum, row) => sum + Math.min(row.sharers, row.enrolled), 0);
  return enrolled > 0 ? sharers / enrolled : null;
}

/** `42 %` / `42%`, one decimal under 10 %. */
export function formatRate(rate: number | null, language: 'id' | 'en'): string {
  if (rate === null) return '—';
  const percent = rate * 100;
  const digits = percent > 0 && percent < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(percent);
  return language === 'id' ? `${number} %` : `${number}%`;
}
