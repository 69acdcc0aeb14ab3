import type { Kysely } from 'kysely';
import { SITE_STEPS, type SiteStep } from '../../lib/sites/site-check';
import type { Database, SiteHealthDaysTable } from '../db/schema';
import type { SiteHealthBody } from './site-health-schema';

/**
 * The office's copy of the site check. Writes replace a person's (day, version, site) rows,
 * so a resend never counts twice; reads sum over everyone.
 */

/** A failing person's list older than this no longer counts (the extension keeps 14 days). */
export const FAILING_FRESH_DAYS = 14;

type Counters = Omit<SiteHealthDaysTable, 'person_id' | 'day' | 'version' | 'platform' | 'received_at'>;
const COUNTER_COLUMNS = SITE_STEPS.flatMap((step) => [`${step}_ok`, `${step}_fail`] as const);

function counters(steps: SiteHealthBody['days'][number]['sites'][keyof SiteHealthBody['days'][number]['sites']]): Counters {
  return Object.fromEntries(SITE_STEPS.flatMap((step) => [[`${step}_ok`, steps?.[step]?.ok ?? 0], [`${step}_fail`, steps?.[step]?.fail ?? 0]])) as unknown as Counters;
}

export async function storeSiteHealth(db: Kysely<Database>, personId: number, body: SiteHealthBody, receivedAt: string): Promise<number> {
  // One row per (day, version, site): a body naming the same day twice keeps the last.
  const rows = new Map<string, SiteHealthDaysTable>();
  for (const day of body.days) {
    for (const [platform, steps] of Object.entries(day.sites)) {
      rows.set(`${day.day} ${day.version} ${platform}`, { person_id: personId, day: day.day, version: day.version, platform, ...counters(steps), received_at: receivedAt });
    }
  }
  const failing = new Map<string, { platform: string; step: SiteStep; since: string }>();
  for (const entry of body.failing ?? []) {
    const key = `${entry.platform} ${entry.step}`;
    const since = new Date(entry.since).toISOString();
    const was = failing.get(key);
    if (!was || since < was.since) failing.set(key, { platform: entry.platform, step: entry.step, since });
  }
  await db.transaction().execute(async (tx) => {
    for (const row of rows.values()) {
      await tx
        .insertInto('site_health_days')
        .values(row)
        .onConflict((c) =>
          c.columns(['person_id', 'day', 'version', 'platform']).doUpdateSet((eb) => ({
            ...Object.fromEntries(COUNTER_COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)])),
            received_at: eb.ref('excluded.received_at'),
          })),
        )
        .execute();
    }
    // The list is what is failing now with the sending version: it replaces the last one.
    await tx.deleteFrom('site_health_failing').where('person_id', '=', personId).where('version', '=', body.client.version).execute();
    if (failing.size > 0) {
      await tx
        .insertInto('site_health_failing')
        .values([...failing.values()].map((f) => ({ person_id: personId, version: body.client.version, ...f, reported_at: receivedAt })))
        .execute();
    }
  });
  return rows.size;
}

export interface FailingStep {
  platform: string;
  version: string;
  step: SiteStep;
  /** ISO UTC: the earliest start of the current failures among the people reporting them. */
  since: string;
  people: number;
  /** Failures counted, by everyone, from the day `since` falls on. */
  failures: number;
}

/**
 * docs/protocol.md §7.1, "what the office shows": a step of a site, for one extension version,
 * is failing when someone's Siar lists it as failing (three failures in a row) in a send of the
 * last 14 days, and nobody's counters show a success of that step there on a later day than the
 * one the failures began. Shown since the earliest such beginning.
 */
export async function failingSiteSteps(db: Kysely<Database>, now: Date): Promise<FailingStep[]> {
  const fresh = new Date(now.getTime() - FAILING_FRESH_DAYS * 86_400_000).toISOString();
  const listed = await db
    .selectFrom('site_health_failing')
    .innerJoin('people', 'people.id', 'site_health_failing.person_id')
    .where('site_health_failing.reported_at', '>=', fresh)
    .where('people.revoked_at', 'is', null)
    .select(['platform', 'version', 'step'])
    .select((eb) => [eb.fn.min('since').as('since'), eb.fn.countAll().as('people')])
    .groupBy(['platform', 'version', 'step'])
    .orderBy('platform')
    .orderBy('version')
    .orderBy('step')
    .execute();
  if (listed.length === 0) return [];
  const firstDay = listed.reduce((day, row) => (row.since.slice(0, 10) < day ? row.since.slice(0, 10) : day), '9999-12-31');
  const days = await db
    .selectFrom('site_health_days')
    .where('day', '>=', firstDay)
    .where('platform', 'in', [...new Set(listed.map((row) => row.platform))])
    .select(['platform', 'version', 'day'])
    .select((eb) => COUNTER_COLUMNS.map((column) => eb.fn.sum<number | string>(column).as(column)))
    .groupBy(['platform', 'version', 'day'])
    .execute();
  const result: FailingStep[] = [];
  for (const row of listed) {
    const step = row.step as SiteStep;
    if (!SITE_STEPS.includes(step)) continue;
    const sinceDay = row.since.slice(0, 10);
    const same = days.filter((d) => d.platform === row.platform && d.version === row.version && d.day >= sinceDay);
    const sum = (column: (typeof COUNTER_COLUMNS)[number], after: string) =>
      same.filter((d) => d.day > after).reduce((total, d) => total + Number(d[column] ?? 0), 0);
    if (sum(`${step}_ok`, sinceDay) > 0) continue;
    result.push({ platform: row.platform, version: row.version, step, since: row.since, people: Number(row.people), failures: sum(`${step}_fail`, '') });
  }
  return result;
}
