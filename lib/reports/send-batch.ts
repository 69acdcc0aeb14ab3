import { parseRetryAfter } from '../retry-after';
import type { ShareReport } from './types';

export const REPORT_TIMEOUT_MS = 10_000;
export const MAX_BATCH = 100;

/** Why a send is tried again later; each has a sentence in _locales (`outboxError_<code>`). */
export type RetryCode = 'network' | 'timeout' | 'server' | 'busy' | 'unexpected' | 'bad_answer';

export type BatchOutcome =
  | { kind: 'answered'; accepted: string[]; duplicate: string[]; rejected: { id: string; reason: string }[] }
  | { kind: 'retry'; code: RetryCode; error: string; retryAfter: number | null }
  | { kind: 'auth'; status: number }
  | { kind: 'bad_request'; error: string };

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

function networkFailure(error: unknown): BatchOutcome {
  const timedOut = error instanceof Error && error.name === 'TimeoutError';
  return { kind: 'retry', code: timedOut ? 'timeout' : 'network', error: String(error), retryAfter: null };
}

/** One POST of docs/protocol.md §3.3 and what its answer means for the outbox (§3.4–3.5). */
export async function sendBatch(
  receiver: string,
  reports: readonly ShareReport[],
  /** Only the token that belongs to this receiver's origin (report-tokens.ts); null: none. */
  token: string | null,
  doFetch: typeof fetch = fetch,
  now: () => number = Date.now,
): Promise<BatchOutcome> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await doFetch(receiver, {
      method: 'POST',
      headers,
      body: JSON.stringify({ reports }),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(REPORT_TIMEOUT_MS),
    });
  } catch (error) {
    return networkFailure(error);
  }
  const status = response.status;
  if (status === 401 || status === 403) return { kind: 'auth', status };
  if (status === 429 || status >= 500 || status === 408) {
    await response.body?.cancel().catch(() => undefined);
    return {
      kind: 'retry',
      code: status === 429 || status === 503 ? 'busy' : status === 408 ? 'timeout' : 'server',
      error: `HTTP ${status}`,
      retryAfter: parseRetryAfter(response.headers.get('retry-after'), now()),
    };
  }
  let text = '';
  try {
    text = await response.text();
  } catch (error) {
    return networkFailure(error);
  }
  const detail = `HTTP ${status}${text ? `: ${text.slice(0, 500)}` : ''}`;
  // Only 400 and 413 say that these reports can never be taken (docs/protocol.md §3.4). Any other
  // answer (404 from a misconfigured proxy, a login page…) must not fail the reports: retry.
  if (status === 400 || status === 413) return { kind: 'bad_request', error: detail };
  if (status !== 200) return { kind: 'retry', code: 'unexpected', error: detail, retryAfter: null };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new TypeError('not an object');
  } catch {
    return { kind: 'retry', code: 'bad_answer', error: 'the receiver answered 200 without a JSON object', retryAfter: null };
  }
  const rejected = Array.isArray(body.rejected)
    ? body.rejected.flatMap((entry: unknown) => {
        const r = entry as { id?: unknown; reason?: unknown } | null;
        return r && typeof r.id === 'string'
          ? [{ id: r.id, reason: typeof r.reason === 'string' ? r.reason : '' }]
          : [];
      })
    : [];
  return { kind: 'answered', accepted: stringList(body.accepted), duplicate: stringList(body.duplicate), rejected };
}
