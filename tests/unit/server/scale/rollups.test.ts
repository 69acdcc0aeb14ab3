import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKantor } from '../../../../server/app';
import { readDay } from '../../../../server/dashboard-data';
import { seedRows } from '../../../../server/scale/seed-load';

/** The dashboard's counts come from rollups written with the reports: they must equal a count of the rows (SQLite). */
describe('rollups kept with every write', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('count what a scan of the raw reports counts, resends included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siar-rollups-'));
    dirs.push(dir);
    const kantor = await openKantor({ host: '127.0.0.1', port: 0, database: { kind: 'sqlite', dataDir: dir } });
    try {
      const rows = [...seedRows({ reports: 600, days: 2, people: 40, units: 6, seed: 9 }, new Date('2026-12-02T12:00:00.000Z'))];
      await kantor.reports.storeDurably(rows.slice(0, 400));
      // A resend of some, with new ones: the resent ones must not count twice.
      const outcomes = await kantor.reports.storeDurably([...rows.slice(350, 400), ...rows.slice(400)]);
      expect(outcomes.slice(0, 50).every((o) => o === 'duplicate')).toBe(true);
      const day = rows[0]!.shared_at.slice(0, 10);
      const raw = rows.filter((r) => r.shared_at.startsWith(day));
      const dashboard = await readDay(kantor.siar.db, day, 10);
      expect(dashboard.shares).toBe(raw.length);
      expect(dashboard.reporters).toBe(new Set(raw.map((r) => r.reporter_id)).size);
      for (const unit of dashboard.byUnit) {
        const mine = raw.filter((r) => r.reporter_unit === unit.unit);
        expect([unit.shares, unit.reporters]).toEqual([mine.length, new Set(mine.map((r) => r.reporter_id)).size]);
      }
      for (const item of dashboard.byItem) {
        const mine = raw.filter((r) => r.item_id === item.item_id);
        expect([item.shares, item.reporters]).toEqual([mine.length, new Set(mine.map((r) => r.reporter_id)).size]);
      }
      expect(dashboard.byPlatform.reduce((n, p) => n + p.shares, 0)).toBe(raw.length);
      expect(dashboard.list).toHaveLength(10);
      expect(dashboard.list.at(-1)!.shared_at >= dashboard.list[0]!.shared_at).toBe(true);
    } finally {
      await kantor.siar.close();
    }
  }, 60_000);
});
