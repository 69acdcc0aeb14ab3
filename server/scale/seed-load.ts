import { sql, type Kysely } from 'kysely';
import type { SiarDb } from '../db/connect';
import type { ReportsTable } from '../db/schema';
import { reportWriter } from '../store/reports';
import { createMonthPartitions, monthsBetween } from './partitions';
import { seedLoadPostgres } from './seed-load-postgres';
import { isChatPlatform, pickHour, pickPlatform, SEED_PLATFORMS, seededRandom, unitName, unitWeights, weightedPicker } from './load-model';

/**
 * `npm run siar -- seed-load --reports N`: fills a database with realistic reports for
 * measuring the dashboard (issue 15): `people` civil servants in `units` units of very
 * different sizes (Zipf), each share on a platform by the assumed shares, at an hour
 * drawn from the morning-peaked day (server/scale/load-model.ts), over the last `days`
 * days in WIB. The rows go through the same writer as live reports, so the rollups
 * agree with them (on PostgreSQL they are made in the database: seed-load-postgres.ts).
 * Posts: five a day, LATE_SHARE of the shares going to the day before's posts (so some
 * posts are shared on both sides of a range's first day). The people are enrolled in `people` (seed-load is for an empty
 * database); UNVERIFIED_SHARE of the reports come on the legacy shared token instead.
 */

export interface SeedOptions {
  reports: number;
  days: number;
  people: number;
  units: number;
  seed: number;
  /** Called after each committed batch with the number written so far. */
  progress?(written: number): void;
}

const BATCH = 5000;
const POSTS_A_DAY = 5;
/** Share of seeded reports sent with the legacy shared token (unverified, no person). */
export const UNVERIFIED_SHARE = 0.02;
/** Share of seeded reports that share the day before's post (shared late). */
export const LATE_SHARE = 0.1;

export const seedNip = (person: number) => `1990${String(person).padStart(14, '0')}`;

/** The WIB date `daysAgo` days before `now`. */
export function wibDate(daysAgo: number, now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** The seed's people and their units, person i in unit personUnits[i]. */
export function seedPeople(options: SeedOptions): string[] {
  return drawUnits(seededRandom(options.seed), options);
}

function drawUnits(random: () => number, options: SeedOptions): string[] {
  const pickUnit = weightedPicker(unitWeights(options.units));
  return Array.from({ length: options.people }, () => unitName(pickUnit(random)));
}

/** `personIds[i]`: person i's id in `people`; without it, every report is unverified. */
export function* seedRows(options: SeedOptions, now = new Date(), personIds?: readonly number[]): Generator<ReportsTable> {
  const random = seededRandom(options.seed);
  // Each person belongs to one unit, drawn once.
  const personUnit = drawUnits(random, options);
  const platforms = SEED_PLATFORMS;
  for (let n = 0; n < options.reports; ) {
    const daysAgo = Math.floor(random() * options.days);
    const day = wibDate(daysAgo, now);
    const hour = pickHour(random);
    const seconds = Math.floor(random() * 3600);
    const local = `${day}T${String(hour).padStart(2, '0')}:${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    const sharedAt = `${local}+07:00`;
    const instant = Date.parse(sharedAt);
    if (instant > now.getTime()) continue; // today's hours still to come
    const person = Math.floor(random() * options.people);
    const platform = platforms[pickPlatform(random)]!;
    const post = Math.floor(random() * POSTS_A_DAY);
    const chat = isChatPlatform(platform);
    const personId = random() < UNVERIFIED_SHARE ? null : (personIds?.[person] ?? null);
    const postDay = random() < LATE_SHARE ? wibDate(daysAgo + 1, now) : day;
    n++;
    yield {
      id: crypto.randomUUID(),
      feed_url: 'https://siar.example.go.id/feed.json',
      item_id: `${postDay}-post-${post}`,
      item_url: `https://www.example.go.id/berita/${postDay}/post-${post}`,
      platform,
      status: chat ? 'confirmed' : 'published',
      method: chat ? 'manual' : 'composer',
      post_url: chat ? null : `https://${platform}.example/p/${n}`,
      shared_at: sharedAt,
      reporter_id: seedNip(person),
      reporter_name: `ASN ${person}`,
      reporter_unit: personUnit[person]!,
      client_name: 'siar',
      client_version: '1.0.0',
      received_at: new Date(instant + 1000 + Math.floor(random() * 60_000)).toISOString(),
      person_id: personId,
      verified: personId === null ? 0 : 1,
    };
  }
}

export async function seedLoad(siar: SiarDb, options: SeedOptions, now = new Date()): Promise<number> {
  if (siar.kind === 'postgres') {
    // Partitions for every month the seed's received_at can fall in.
    await createMonthPartitions(siar.db as unknown as Kysely<unknown>, monthsBetween(new Date(now.getTime() - (options.days + 1) * 86_400_000).toISOString(), now.toISOString(), 2));
  }
  if (siar.kind === 'postgres') {
    const written = await seedLoadPostgres(siar.db, options, now);
    await sql`ANALYZE`.execute(siar.db);
    return written;
  }
  const personIds = await enrollSeedPeople(siar, options);
  let written = 0;
  let batch: ReportsTable[] = [];
  const writer = reportWriter(siar);
  const flush = async () => {
    const rows = batch;
    batch = [];
    const [outcomes] = await writer.write([rows]);
    written += outcomes!.filter((outcome) => outcome === 'accepted').length;
    options.progress?.(written);
  };
  for (const row of seedRows(options, now, personIds)) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return written;
}

/** Enrolls the seed's people (SQLite), in batches; returns their ids, person i first. */
async function enrollSeedPeople(siar: SiarDb, options: SeedOptions): Promise<number[]> {
  const units = seedPeople(options);
  const created_at = new Date().toISOString();
  const ids: number[] = [];
  for (let i = 0; i < units.length; i += 500) {
    const rows = units.slice(i, i + 500).map((unit, j) => ({ nip: seedNip(i + j), name: `ASN ${i + j}`, unit, created_at }));
    await siar.db.insertInto('people').values(rows).onConflict((c) => c.column('nip').doNothing()).execute();
    const byNip = new Map((await siar.db.selectFrom('people').select(['id', 'nip']).where('nip', 'in', rows.map((r) => r.nip)).execute()).map((p) => [p.nip, p.id]));
    for (const row of rows) ids.push(byNip.get(row.nip)!);
  }
  return ids;
}
