import { startServer, type RunningServer, type SiarServerOptions } from '../../../server/app';
import { freshDatabase, type DatabaseKind, type TestDatabase } from './databases';

/** Siar Kantor on a fresh database of the given kind, listening on a free loopback port. */
export interface TestKantor extends RunningServer {
  database: TestDatabase;
  stop(): Promise<void>;
}

export async function startKantor(kind: DatabaseKind, options: Partial<SiarServerOptions> = {}): Promise<TestKantor> {
  const database = await freshDatabase(kind);
  const running = await startServer({ host: '127.0.0.1', port: 0, database: database.target, ...options });
  return {
    ...running,
    database,
    stop: async () => {
      await running.close();
      await database.drop();
    },
  };
}

/** A valid people CSV line for an 18-digit NIP ending in `n`. */
export const nipOf = (n: number) => `1987031220100110${String(n).padStart(2, '0')}`;

/** Empties what tests write, so that one server serves a whole describe block. */
export async function clearTables(server: TestKantor): Promise<void> {
  const db = server.kantor.siar.db;
  for (const table of ['site_health_days', 'site_health_failing', 'reports', 'report_ids', 'report_rollups', 'report_person_days', 'report_person_posts', 'report_tokens', 'enrollment_codes', 'people', 'audit', 'login_failures', 'sessions'] as const) {
    await db.deleteFrom(table).execute();
  }
}
