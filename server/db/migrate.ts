import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial';
import * as scale from './migrations/0002-scale';
import * as approval from './migrations/0003-approval';
import * as siteHealth from './migrations/0004-site-health';
import * as feed from './migrations/0005-feed';
import * as dash from './migrations/0006-dash';
import * as sharers from './migrations/0007-sharers';
import * as leanReports from './migrations/0008-lean-reports';
import type { SiarDb } from './connect';

export type DialectKind = SiarDb['kind'];

/**
 * Numbered migrations, listed here so that a bundled or compiled server needs no
 * directory scan; each runs forward on SQLite and PostgreSQL alike.
 */
const MIGRATIONS: Record<string, { up(db: Kysely<unknown>, kind: DialectKind): Promise<void> }> = {
  '0001-initial': initial,
  '0002-scale': scale,
  '0003-approval': approval,
  '0004-site-health': siteHealth,
  '0005-feed': feed,
  '0006-dash': dash,
  '0007-sharers': sharers,
  '0008-lean-reports': leanReports,
};

class ListedMigrations implements MigrationProvider {
  constructor(private readonly kind: DialectKind) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, migration]) => [name, { up: (db: Kysely<unknown>) => migration.up(db, this.kind) }]),
    );
  }
}

/** Up to and including `name` (the default: all of them); tests use it to check a migration's backfill. */
export async function migrateToLatest(siar: SiarDb, name?: string): Promise<void> {
  const migrator = new Migrator({ db: siar.db, provider: new ListedMigrations(siar.kind) });
  const { error, results } = name ? await migrator.migrateTo(name) : await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
}
