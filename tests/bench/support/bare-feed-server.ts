import Fastify from 'fastify';

/**
 * The reference for the feed's 304 (tests/bench/load.bench.ts): a bare Fastify process
 * that answers every GET /feed.json with the same 304 Siar Kantor sends, nothing else.
 * Run in its own process, like `siar serve`, so both share the machine alike.
 */
const etag = process.argv[2] ?? '"1-reference"';
const headers = { 'Access-Control-Allow-Origin': '*', ETag: etag, 'Cache-Control': 'public, max-age=60, stale-while-revalidate=60, stale-if-error=86400' };
const app = Fastify({ logger: false });
app.get('/feed.json', (_request, reply) => {
  reply.code(304).headers(headers).send();
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address && typeof address === 'object') console.log(`bare Fastify listening on http://127.0.0.1:${address.port}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
