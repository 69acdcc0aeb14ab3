import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readBody, sendJson } from './http-helpers';
import type { ReportStore } from './report-store';
import { validateRequest } from './report-schema';

export const MAX_REQUEST_BYTES = 1024 * 1024;

export interface SharesApiOptions {
  store: ReportStore;
  /** Accepted bearer tokens; null: no token is asked for. */
  tokens: ReadonlySet<string> | null;
}

/** `POST /api/v1/shares`, PROTOCOL §3.3–3.4. */
export async function handleShares(req: IncomingMessage, res: ServerResponse, options: SharesApiOptions): Promise<void> {
  if (options.tokens) {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!match) return sendJson(res, 401, { error: 'a bearer token is required' }, { 'WWW-Authenticate': 'Bearer' });
    if (!options.tokens.has(match[1]!.trim())) return sendJson(res, 403, { error: 'this token is not accepted' });
  }

  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_REQUEST_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      sendJson(res, 413, { error: `the body is larger than ${MAX_REQUEST_BYTES} bytes` }, { Connection: 'close' });
      return;
    }
    throw error;
  }

  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return sendJson(res, 400, { error: 'the body is not JSON', issues: [{ path: '', message: 'not JSON' }] });
  }
  const checked = validateRequest(body);
  if (!checked.ok) return sendJson(res, 400, { error: 'the body does not follow PROTOCOL §3.3', issues: checked.issues });

  const outcomes = await options.store.storeBatchDurably(checked.reports, new Date());
  const answer = { accepted: [] as string[], duplicate: [] as string[], rejected: [] as { id: string; reason: string }[] };
  checked.reports.forEach((report, i) => {
    const outcome = outcomes[i];
    if (outcome === 'accepted') answer.accepted.push(report.id);
    else if (outcome === 'duplicate') answer.duplicate.push(report.id);
    else answer.rejected.push({ id: report.id, reason: 'this id was already used for a different share' });
  });
  sendJson(res, 200, answer);
}
