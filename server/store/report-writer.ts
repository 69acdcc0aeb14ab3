import { sql, type Transaction } from 'kysely';
import type { Database, ReportsTable } from '../db/schema';

/**
 * Writes new reports inside the group commit's transaction (issue 15, docs/SCALE.md):
 * each id is claimed in `report_ids` (the unique constraint that makes a resend a
 * duplicate, partitioned `reports` or not), the claimed rows go into `reports`, and the
 * dashboard's rollups are brought up to date in the same transaction, so a count never
 * disagrees with the rows. Keys are written in sorted order, so that two processes
 * writing the same rollup rows wait for each other instead of deadlocking.
 */

const ROWS_PER_INSERT = 200;

const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Inserts the rows whose id is new; returns those ids. */
export async function insertNewReports(trx: Transaction<Database>, rows: readonly ReportsTable[]): Promise<Set<string>> {
  const firstOfId = new Map<string, ReportsTable>();
  for (const row of rows) if (!firstOfId.has(row.id)) firstOfId.set(row.id, row);
  const candidates = [...firstOfId.values()].sort(byKey((row) => row.id));
  const claimed = new Set<string>();
  for (let i = 0; i < candidates.length; i += ROWS_PER_INSERT) {
    const chunk = candidates.slice(i, i + ROWS_PER_INSERT);
    const returned = await trx
      .insertInto('report_ids')
      .values(chunk.map((row) => ({ id: row.id, received_at: row.received_at })))
      .onConflict((c) => c.column('id').doNothing())
      .returning('id')
      .execute();
    for (const { id } of returned) claimed.add(id);
  }
  const fresh = candidates.filter((row) => claimed.has(row.id));
  for (let i = 0; i < fresh.length; i += ROWS_PER_INSERT) {
    await trx.insertInto('reports').values(fresh.slice(i, i + ROWS_PER_INSERT)).execute();
  }
  await addToRollups(trx, fresh);
  return claimed;
}

const day = (row: ReportsTable) => row.shared_at.slice(0, 10);

async function addToRollups(trx: Transaction<Database>, rows: readonly ReportsTable[]): Promise<void> {
  const rollups = new Map<string, { day: string; unit: string; platform: string; item_id: string; item_url: string | null; shares: number; unverified: number }>();
  for (const row of rows) {
    const key = JSON.stringify([day(row), row.reporter_unit, row.platform, row.item_id]);
    const rollup = rollups.get(key) ?? { day: day(row), unit: row.reporter_unit, platform: row.platform, item_id: row.item_id, item_url: null, shares: 0, unverified: 0 };
    rollup.shares++;
    rollup.unverified += row.verified ? 0 : 1;
    rollup.item_url ??= row.item_url;
    rollups.set(key, rollup);
  }
  const sortedRollups = [...rollups.entries()].sort(byKey(([key]) => key)).map(([, value]) => value);
  for (let i = 0; i < sortedRollups.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('report_rollups')
      .values(sortedRollups.slice(i, i + ROWS_PER_INSERT))
      .onConflict((c) =>
        c.columns(['day', 'unit', 'platform', 'item_id']).doUpdateSet({
          shares: sql`report_rollups.shares + excluded.shares`,
          unverified: sql`report_rollups.unverified + excluded.unverified`,
          item_url: sql`coalesce(report_rollups.item_url, excluded.item_url)`,
        }),
      )
      .execute();
  }
  await addToPersonRollups(trx, rows);
}

/**
 * Verified shares per person and day, and per person, post and day (migration 0004),
 * under the unit of the office's record: what makes the participation rate exact over
 * any range (distinct people are counted over these rows, never summed per day).
 */
async function addToPersonRollups(trx: Transaction<Database>, rows: readonly ReportsTable[]): Promise<void> {
  const verified = rows.filter((row): row is ReportsTable & { person_id: number } => row.verified === 1 && row.person_id !== null);
  if (verified.length === 0) return;
  const units = new Map<number, string>();
  const ids = [...new Set(verified.map((row) => row.person_id))];
  for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
    for (const person of await trx.selectFrom('people').select(['id', 'unit']).where('id', 'in', ids.slice(i, i + ROWS_PER_INSERT)).execute()) units.set(person.id, person.unit);
  }
  const personDays = new Map<string, { day: string; person_id: number; unit: string; shares: number }>();
  const personPosts = new Map<string, { day: string; item_id: string; person_id: number }>();
  for (const row of verified) {
    const unit = units.get(row.person_id) ?? row.reporter_unit;
    const key = JSON.stringify([day(row), row.person_id]);
    const personDay = personDays.get(key) ?? { day: day(row), person_id: row.person_id, unit, shares: 0 };
    personDay.shares++;
    personDays.set(key, personDay);
    personPosts.set(JSON.stringify([day(row), row.item_id, row.person_id]), { day: day(row), item_id: row.item_id, person_id: row.person_id });
  }
  const sortedDays = [...personDays.entries()].sort(byKey(([key]) => key)).map(([, value]) => value);
  for (let i = 0; i < sortedDays.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('report_person_days')
      .values(sortedDays.slice(i, i + ROWS_PER_INSERT))
      .onConflict((c) => c.columns(['day', 'person_id']).doUpdateSet({ shares: sql`report_person_days.shares + excluded.shares` }))
      .execute();
  }
  const sortedPosts = [...personPosts.entries()].sort(byKey(([key]) => key)).map(([, value]) => value);
  for (let i = 0; i < sortedPosts.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('report_person_posts')
      .values(sortedPosts.slice(i, i + ROWS_PER_INSERT))
      .onConflict((c) => c.columns(['day', 'item_id', 'person_id']).doNothing())
      .execute();
  }
}
