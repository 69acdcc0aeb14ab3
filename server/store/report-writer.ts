import type { ReportsTable } from '../db/schema';

/**
 * Writes a group commit's reports in one transaction (issue 15, docs/SCALE.md): each id
 * is claimed in `report_ids` (the unique constraint that makes a resend a duplicate,
 * partitioned `reports` or not), the claimed rows go into `reports`, and the dashboard's
 * rollups are brought up to date in the same transaction, so a count never disagrees
 * with the rows. Keys are written in sorted order, so that two processes writing the
 * same rollup rows wait for each other instead of deadlocking.
 *
 * The hot path of the receiver (issue 10): what to write is worked out here once per
 * group, in plain code; each dialect then writes it with a fixed handful of statements
 * (SQLite: prepared statements; PostgreSQL: one claim and one write, rows as arrays),
 * not a statement built per request.
 */

export type StoreOutcome = 'accepted' | 'duplicate' | 'conflict';

export interface RollupRow {
  day: string;
  unit: string;
  platform: string;
  item_id: string;
  item_url: string | null;
  shares: number;
  unverified: number;
}
/**
 * Verified shares of one enrolled person on one day (migration 0006): the writer stores
 * them under the unit of the office's record (`people.unit`), `unit` here being the
 * report's own, used only when the person is no longer on record.
 */
export interface PersonDayRow {
  day: string;
  person_id: number;
  unit: string;
  shares: number;
}
/** That an enrolled person shared a post on a day (sharers per post, exact over a range). */
export interface PersonPostRow {
  day: string;
  item_id: string;
  person_id: number;
}
export interface Rollups {
  rollups: RollupRow[];
  personDays: PersonDayRow[];
  personPosts: PersonPostRow[];
}

/**
 * One group's statements, per dialect: either `claim` then `insert` (rollups worked out
 * here, SQLite) or `claimAndInsert` in one statement (rollups made in SQL, PostgreSQL).
 */
export type WriteSteps = (
  | {
      /** Inserts the ids that are new (in the order given); returns those. */
      claim(rows: readonly ReportsTable[]): Promise<Set<string>> | Set<string>;
      /** Inserts the claimed rows and adds them to the rollups. */
      insert(rows: readonly ReportsTable[], rollups: Rollups): Promise<void> | void;
    }
  | {
      /** Claims the new ids, inserts their rows and adds them to the rollups, at once; returns the new ids. */
      claimAndInsert(rows: readonly ReportsTable[]): Promise<Set<string>>;
    }
) & {
  /** The stored rows with these ids. */
  stored(ids: readonly string[]): Promise<Map<string, ReportsTable>> | Map<string, ReportsTable>;
};

export interface ReportWriter {
  /** Writes every batch in one transaction; an outcome for each row of each batch. */
  write(batches: readonly ReportsTable[][]): Promise<StoreOutcome[][]>;
}

const IDENTITY_COLUMNS = ['feed_url', 'item_id', 'platform', 'status', 'method', 'post_url', 'shared_at', 'reporter_id'] as const;

/** A resend carries the same share; the same id on a different share is a client bug. */
function sameShare(a: ReportsTable, b: ReportsTable): boolean {
  return IDENTITY_COLUMNS.every((column) => a[column] === b[column]);
}

const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** A group's statements, in order: in one transaction the caller opens and commits (SQLite), or one statement (PostgreSQL). */
export async function writeBatches(steps: WriteSteps, batches: readonly ReportsTable[][]): Promise<StoreOutcome[][]> {
  const firstOfId = new Map<string, ReportsTable>();
  for (const rows of batches) for (const row of rows) if (!firstOfId.has(row.id)) firstOfId.set(row.id, row);
  const candidates = [...firstOfId.values()].sort(byKey((row) => row.id));
  let inserted: Set<string>;
  if ('claimAndInsert' in steps) {
    inserted = await steps.claimAndInsert(candidates);
  } else {
    inserted = await steps.claim(candidates);
    const fresh = candidates.filter((row) => inserted.has(row.id));
    if (fresh.length > 0) await steps.insert(fresh, rollupsOf(fresh));
  }
  const others = candidates.filter((row) => !inserted.has(row.id)).map((row) => row.id);
  const existing = others.length > 0 ? await steps.stored(others) : new Map<string, ReportsTable>();
  // The first row of an id inserted here is accepted; a later one compares with it.
  const claimed = new Map<string, ReportsTable>();
  return batches.map((rows) =>
    rows.map((row) => {
      if (inserted.has(row.id) && !claimed.has(row.id)) {
        claimed.set(row.id, row);
        return 'accepted';
      }
      const stored = claimed.get(row.id) ?? existing.get(row.id);
      return stored && sameShare(stored, row) ? 'duplicate' : 'conflict';
    }),
  );
}

const day = (row: ReportsTable) => row.shared_at.slice(0, 10);

/** What the new rows add to the rollups, summed per key and sorted by key. */
export function rollupsOf(rows: readonly ReportsTable[]): Rollups {
  const rollups = new Map<string, RollupRow>();
  const personDays = new Map<string, PersonDayRow>();
  const personPosts = new Map<string, PersonPostRow>();
  for (const row of rows) {
    const key = JSON.stringify([day(row), row.reporter_unit, row.platform, row.item_id]);
    const rollup = rollups.get(key) ?? { day: day(row), unit: row.reporter_unit, platform: row.platform, item_id: row.item_id, item_url: null, shares: 0, unverified: 0 };
    rollup.shares++;
    rollup.unverified += row.verified ? 0 : 1;
    rollup.item_url ??= row.item_url;
    rollups.set(key, rollup);
    // Per person: verified shares of enrolled people only (the participation rate's sharers).
    if (row.verified !== 1 || row.person_id === null) continue;
    const personKey = JSON.stringify([day(row), row.person_id]);
    const personDay = personDays.get(personKey) ?? { day: day(row), person_id: row.person_id, unit: row.reporter_unit, shares: 0 };
    personDay.shares++;
    personDays.set(personKey, personDay);
    personPosts.set(JSON.stringify([day(row), row.item_id, row.person_id]), { day: day(row), item_id: row.item_id, person_id: row.person_id });
  }
  const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort(byKey(([key]) => key)).map(([, value]) => value);
  return { rollups: sorted(rollups), personDays: sorted(personDays), personPosts: sorted(personPosts) };
}
