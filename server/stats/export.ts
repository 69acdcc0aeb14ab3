import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DateRange } from './date-range';
import { SHARE_COLUMNS, type ListedShare } from './summary-data';

/**
 * Every share of a range for the CSV export, oldest first, a page at a time along the
 * index (day, shared_at, received_at, id) of `reports`: a year of a ministry's reports
 * streams out without being held in memory, and each page is one index range scan.
 */

const PAGE = 5000;

export async function* exportRows(db: Kysely<Database>, range: DateRange): AsyncGenerator<ListedShare[]> {
  const day = sql<string>`substr(reports.shared_at, 1, 10)`;
  let after: { day: string; shared_at: string; received_at: string; id: string } | null = null;
  for (;;) {
    const last: typeof after = after;
    let query = db
      .selectFrom('reports')
      .where(day, '>=', range.from)
      .where(day, '<=', range.to)
      .leftJoin('people', 'people.id', 'reports.person_id')
      .select([day.as('day'), 'reports.received_at as received_at', ...SHARE_COLUMNS]);

    if (last) {
      query = query.where(
        sql<boolean>`(${day}, reports.shared_at, reports.received_at, reports.id) > (${last.day}, ${last.shared_at}, ${last.received_at}, ${last.id})`,
      );
    }
    const rows = await query.orderBy(day).orderBy('reports.shared_at').orderBy('reports.received_at').orderBy('reports.id').limit(PAGE).execute();
    if (rows.length === 0) return;
    yield rows.map((row) => ({ ...row, verified: Number(row.verified) }));
    if (rows.length < PAGE) return;
    after = rows.at(-1)!;
  }
}
