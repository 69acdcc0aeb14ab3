import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kantor } from '../context';
import { CORS_PREFLIGHT, CORS_SIMPLE, sendJson } from '../http-helpers';
import { sharesRequestSchema, type IncomingReport } from '../report-schema';
import { QueueFull, toRow, type ReportOrigin } from '../store/reports';
import type { Person } from '../store/people';

/** `POST /api/v1/shares`: the report receiver (PROTOCOL §3.3–3.5). */

export const MAX_REQUEST_BYTES = 1024 * 1024;
/** PROTOCOL §3.3: a `shared_at` more than 5 minutes ahead or 30 days old is refused. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

type Sender = { kind: 'person'; person: Person } | { kind: 'unverified' };

declare module 'fastify' {
  interface FastifyRequest {
    reportSender?: Sender;
  }
}

export function bearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

export function isJson(request: FastifyRequest): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

export function reportsPlugin(kantor: Kantor) {
  const { settings } = kantor;

  /** Who sends: a person's token, the legacy shared token, or nobody where open reports are on. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    if (!isJson(request)) return sendJson(reply.headers(CORS_SIMPLE), 415, { error: 'send Content-Type: application/json' });
    const token = bearer(request);
    if (!token) {
      if (settings.openReports) return void (request.reportSender = { kind: 'unverified' });
      return sendJson(reply.headers({ ...CORS_SIMPLE, 'WWW-Authenticate': 'Bearer' }), 401, { error: 'a bearer token is required', reason: 'token_required' });
    }
    const holder = await kantor.people.tokenHolder(token);
    if (holder) {
      if (holder.revoked) {
        return sendJson(reply.headers({ ...CORS_SIMPLE, 'WWW-Authenticate': 'Bearer error="invalid_token"' }), 401, {
          error: 'this token was revoked by the office: enroll again with a new code',
          reason: 'token_revoked',
        });
      }
      return void (request.reportSender = { kind: 'person', person: holder.person });
    }
    if (settings.legacyTokens?.has(token)) return void (request.reportSender = { kind: 'unverified' });
    return sendJson(reply.headers(CORS_SIMPLE), 403, { error: 'this token is not accepted', reason: 'token_unknown' });
  }

  function check(report: IncomingReport, sender: Sender, now: number): string | null {
    const at = Date.parse(report.shared_at);
    if (at > now + FUTURE_SLACK_MS || at < now - MAX_AGE_MS) return 'shared_at_out_of_range';
    if (sender.kind === 'person' && report.reporter.id !== '' && report.reporter.id !== sender.person.nip) return 'reporter_mismatch';
    return null;
  }

  return async function plugin(app: FastifyInstance): Promise<void> {
    app.options('/api/v1/shares', { helmet: false }, async (_request, reply) => reply.code(204).headers(CORS_PREFLIGHT).send());

    app.post<{ Body: { reports: IncomingReport[] } }>(
      '/api/v1/shares',
      { helmet: false, bodyLimit: MAX_REQUEST_BYTES, schema: { body: sharesRequestSchema }, onRequest: authenticate },
      async (request, reply) => {
        const sender = request.reportSender!;
        const now = Date.now();
        const receivedAt = new Date(now).toISOString();
        const origin: ReportOrigin = sender.kind === 'person' ? { personId: sender.person.id, verified: true } : { personId: null, verified: false };
        const rejected: { id: string; reason: string }[] = [];
        const kept: IncomingReport[] = [];
        for (const report of request.body.reports) {
          const reason = check(report, sender, now);
          if (reason) rejected.push({ id: report.id, reason });
          else kept.push(report);
        }
        // The receiver decides who shared: an enrolled person's record, not the body's.
        const rows = kept.map((report) => {
          const asSent = sender.kind === 'person' ? { ...report, reporter: { id: sender.person.nip, name: sender.person.name, unit: sender.person.unit } } : report;
          return toRow(asSent, receivedAt, origin);
        });
        let outcomes;
        try {
          outcomes = rows.length > 0 ? await kantor.reports.storeDurably(rows) : [];
        } catch (error) {
          if (!(error instanceof QueueFull)) throw error;
          return sendJson(reply.headers({ ...CORS_SIMPLE, 'Retry-After': '5' }), 503, { error: 'too many reports are waiting to be written; retry later', reason: 'busy' });
        }
        const answer = { accepted: [] as string[], duplicate: [] as string[], rejected };
        kept.forEach((report, i) => {
          const outcome = outcomes[i];
          if (outcome === 'accepted') answer.accepted.push(report.id);
          else if (outcome === 'duplicate') answer.duplicate.push(report.id);
          else rejected.push({ id: report.id, reason: 'this id was already used for a different share' });
        });
        return sendJson(reply.headers(CORS_SIMPLE), 200, answer);
      },
    );
  };
}
