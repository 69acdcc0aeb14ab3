import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer } from '../../../server/app';

/**
 * The server under test for report-ingest.bench.ts, in its own process so that the
 * load generator does not share its event loop:
 *   bare <dir>  a bare node:http server that reads the body and answers 200
 *   siar <dir>  the reference server: routing, JSON, validation, SQLite (WAL, synchronous FULL)
 * Prints {"port": n} once listening; stops on SIGTERM.
 */
const [kind, dataDir] = process.argv.slice(2);

if (kind === 'bare') {
  const answer = Buffer.from('{"accepted":[],"duplicate":[],"rejected":[]}');
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(answer.byteLength) });
      res.end(answer);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else if (kind === 'siar' && dataDir) {
  const running = await startServer({ host: '127.0.0.1', port: 0, dataDir, tokens: null });
  console.log(JSON.stringify({ port: Number(new URL(running.origin).port) }));
  for (const s of ['SIGTERM', 'SIGINT'] as const) process.on(s, () => void running.close().then(() => process.exit(0)));
} else {
  console.error('usage: ingest-server.ts bare|siar <data dir>');
  process.exit(2);
}
