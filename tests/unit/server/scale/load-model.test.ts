import { describe, expect, it } from 'vitest';
import { seedRows } from '../../../../server/scale/seed-load';
import { peakHourFactor, seededRandom, weightedPicker } from '../../../../server/scale/load-model';

describe('the load model', () => {
  it('picks by weight, the same way for the same seed', () => {
    const pick = weightedPicker([1, 0, 3]);
    const random = seededRandom(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pick(random)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.8);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.2);
    expect(seededRandom(7)()).toBe(seededRandom(7)());
  });

  it('seeds skewed units, chat apps first, a morning peak, each person in one unit, nothing in the future', () => {
    const now = new Date('2026-12-02T12:00:00.000Z');
    const rows = [...seedRows({ reports: 5000, days: 10, people: 500, units: 30, seed: 3 }, now)];
    expect(rows).toHaveLength(5000);
    const count = (key: (r: (typeof rows)[number]) => string) => {
      const map = new Map<string, number>();
      for (const r of rows) map.set(key(r), (map.get(key(r)) ?? 0) + 1);
      return [...map.values()].sort((a, b) => b - a);
    };
    const units = count((r) => r.reporter_unit);
    expect(units[0]! / units.at(-1)!).toBeGreaterThan(5);
    const byPlatform = new Map(rows.map((r) => [r.platform, 0]));
    for (const r of rows) byPlatform.set(r.platform, byPlatform.get(r.platform)! + 1);
    expect(byPlatform.get('whatsapp')!).toBeGreaterThan(byPlatform.get('x')!);
    const morning = rows.filter((r) => ['07', '08'].includes(r.shared_at.slice(11, 13))).length;
    expect(morning / rows.length).toBeGreaterThan(0.2);
    const unitOf = new Map<string, string>();
    const moved = rows.filter((r) => unitOf.set(r.reporter_id, unitOf.get(r.reporter_id) ?? r.reporter_unit).get(r.reporter_id) !== r.reporter_unit);
    expect(moved).toEqual([]);
    expect(rows.every((r) => Date.parse(r.shared_at) <= now.getTime() && r.received_at > new Date(Date.parse(r.shared_at)).toISOString())).toBe(true);
    expect(peakHourFactor()).toBeGreaterThan(3);
  }, 30_000);
});
