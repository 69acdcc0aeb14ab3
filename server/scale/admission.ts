import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CORS_SIMPLE, sendJson } from '../http-helpers';

/**
 * Admission for the report receiver (issue 15, PROTOCOL §3.4–3.5): under overload a
 * client gets `503` with `Retry-After` at once, never a request that hangs until its
 * own timeout. The write queue's bound (ReportStore) counts reports; this bounds time:
 * while the oldest report request still in flight has waited longer than `maxWaitMs`,
 * the server is behind, and new report requests are turned away until it catches up.
 * And however many arrive at once, no more are let in than the server answered in the
 * last `maxWaitMs` (measured each second), so a burst of a thousand connections gets a
 * few hundred answers and the rest a quick 503, not a thousand answers ten seconds late.
 * A request turned away stored nothing, so the client's resend is safe.
 */

export interface AdmissionOptions {
  maxWaitMs: number;
  /** Up to this many requests in flight nobody is turned away (a slow disk is not overload). */
  minInFlight: number;
  /** Never more than this many in flight, however fast the server answers. */
  maxInFlight: number;
  retryAfterSeconds: number;
}

// 256 in flight at least: an office's whole staff posting at once after a morning briefing is
// demand, not overload, and a server that has been idle has no measured rate to go by yet.
export const DEFAULT_ADMISSION: AdmissionOptions = { maxWaitMs: 2000, minInFlight: 256, maxInFlight: 4000, retryAfterSeconds: 5 };

const REPORTS_ROUTE = '/api/v1/shares';

/** Hooks on the app itself (not a plugin: a plugin's hooks would stay inside its own routes). */
export function installAdmission(app: FastifyInstance, options: AdmissionOptions = DEFAULT_ADMISSION): void {
  // Insertion-ordered: the first entry is the oldest request still in flight.
  const inFlight = new Map<FastifyRequest, number>();

  const oldestWait = (now: number) => {
    for (const started of inFlight.values()) return now - started;
    return 0;
  };
  // Answers a second, smoothed: what the server is able to do right now.
  let answered = 0;
  let perSecond = 0;
  const meter = setInterval(() => {
    perSecond = perSecond === 0 ? answered : 0.5 * perSecond + 0.5 * answered;
    answered = 0;
  }, 1000);
  meter.unref();
  app.addHook('onClose', async () => clearInterval(meter));
  const limit = () => Math.min(options.maxInFlight, Math.max(options.minInFlight, Math.round((perSecond * options.maxWaitMs) / 1000)));

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== REPORTS_ROUTE) return;
    const now = Date.now();
    const behind = inFlight.size >= options.minInFlight && oldestWait(now) > options.maxWaitMs;
    if (behind || inFlight.size >= limit()) {
      return sendJson(reply.headers({ ...CORS_SIMPLE, 'Retry-After': String(options.retryAfterSeconds) }), 503, {
        error: 'the server is behind with writing reports; retry later',
        reason: 'busy',
      });
    }
    inFlight.set(request, now);
    // 'close' comes whether the answer was sent or the client went away first.
    reply.raw.once('close', () => {
      inFlight.delete(request);
      answered++;
    });
  });
}
