import Fastify from 'fastify';
import { startServer } from '../../../server/app';
import type { DatabaseTarget } from '../../../server/db/connect';

/**
 * The server under test for server.bench.ts, in its own process so that the load
 * generator does not share its event loop:
 *   bare                 a bare Fastify app whose POST /api/v1/shares parses the JSON and answers 200
 *   siar sqlite <dir>    Siar Kantor on SQLite (WAL, synchronous FULL)
 *   siar postgres <url>  Siar Kantor on PostgreSQL (synchronous_commit on)
 * Prints {"port": n, "token": t} once listening (siar: a person's enrolled token); stops on SIGTERM.
 */
const [kind, dialect, where] = process.argv.slice(2);

if (kind === 'bare') {
  const app = Fastify();
  const answer = '{"accepted":[],"duplicate":[],"rejected":[]}';
  app.post('/api/v1/shares', async (_request, reply) => reply.type('application/json; charset=utf-8').send(answer));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ port: (app.server.address() as { port: number }).port, token: '' }));
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
} else if (kind === 'siar' && (dialect === 'sqlite' || dialect === 'postgres') && where) {
  const database: DatabaseTarget = dialect === 'sqlite' ? { kind: 'sqlite', dataDir: where } : { kind: 'postgres', url: where };
  const running = await startServer({ host: '127.0.0.1', port: 0, database, maxQueuedReports: 100_000 });
  const [person] = await running.kantor.people.importCsv('198703122010011001,Budi Santoso,Diskominfo Kota Pangkalpinang\n', 'bench');
  const enrolled = await running.kantor.people.enroll(person!.code);
  if (!enrolled.ok) throw new Error(enrolled.reason);
  console.log(JSON.stringify({ port: Number(new URL(running.origin).port), token: enrolled.token }));
  for (const s of ['SIGTERM', 'SIGINT'] as const) process.on(s, () => void running.close().then(() => process.exit(0)));
} else {
  console.error('usage: ingest-server.ts bare | siar sqlite <dir> | siar postgres <url>');
  process.exit(2);
}
