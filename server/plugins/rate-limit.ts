import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kantor } from '../context';
import { databaseRateLimitStore, pruneRateLimits } from '../store/rate-limit-store';

/**
 * @fastify/rate-limit with its counters in the database (store/rate-limit-store.ts), so
 * that every process of one office holds one limit. Off by default: only the routes that
 * name a `config.rateLimit` are counted. Closed windows are pruned every few minutes.
 */
export const rateLimitPlugin = (kantor: Kantor) =>
  fp(async (app: FastifyInstance) => {
    await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(kantor.siar.db) });
    const prune = setInterval(() => void pruneRateLimits(kantor.siar.db).catch(() => undefined), 5 * 60_000);
    prune.unref();
    app.addHook('onClose', async () => clearInterval(prune));
  });
