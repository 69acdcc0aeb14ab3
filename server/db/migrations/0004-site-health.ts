import type { Kysely } from 'kysely';
import type { DialectKind } from '../migrate';

/**
 * The site check (#11, docs/protocol.md §7.1): what each person's Siar counted, per day,
 * extension version and site: one row per (person, day, version, site), replaced by a resend,
 * so the office's sums never count a day twice. `site_health_failing` keeps each person's
 * latest list of failing steps with the time the failures began.
 */
export async function up(db: Kysely<unknown>, _kind: DialectKind): Promise<void> {
  let days = db.schema
    .createTable('site_health_days')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull());
  for (const step of ['composer', 'caption', 'publish', 'permalink']) {
    days = days.addColumn(`${step}_ok`, 'integer', (c) => c.notNull().defaultTo(0)).addColumn(`${step}_fail`, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await days
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_health_days_pk', ['person_id', 'day', 'version', 'platform'])
    .execute();
  await db.schema.createIndex('site_health_days_site').on('site_health_days').columns(['platform', 'version', 'day']).execute();

  await db.schema
    .createTable('site_health_failing')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    /** When this person's current run of failures began (ISO UTC), as their Siar counted it. */
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_health_failing_pk', ['person_id', 'version', 'platform', 'step'])
    .execute();
  await db.schema.createIndex('site_health_failing_reported').on('site_health_failing').column('reported_at').execute();
}
