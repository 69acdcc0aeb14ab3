import autocannon from 'autocannon';
import type { LoadPerson, LoadTarget } from './load-target';

const PLATFORMS = ['x', 'facebook', 'instagram', 'whatsapp', 'threads', 'telegram'] as const;

/** One share as the extension reports it (PROTOCOL §3.3), from person n, shared just now. */
export function loadReport(id: string, n: number, person: LoadPerson) {
  const platform = PLATFORMS[n % PLATFORMS.length]!;
  return {
    id,
    feed_url: 'https://siar.diskominfo.babelprov.go.id/feed.json',
    item_id: `program-${n % 5}`,
    item_url: `https://babel.antaranews.com/berita/${400000 + (n % 5)}/program`,
    platform,
    status: platform === 'whatsapp' || platform === 'telegram' ? 'confirmed' : 'published',
    method: platform === 'whatsapp' || platform === 'telegram' ? 'manual' : 'composer',
    post_url: platform === 'x' ? `https://x.com/asn_${n % 997}/status/${1861234567890000000n + BigInt(n)}` : null,
    shared_at: jakartaNow(),
    reporter: person.reporter,
    client: { name: 'siar', version: '1.0.0' },
  };
}

function jakartaNow(): string {
  const wib = new Date(Date.now() + 7 * 3600_000);
  return `${wib.toISOString().slice(0, 19)}+07:00`;
}

/**
 * What happened to every report id sent: the load tool's ledger, checked against
 * the database afterwards. Each request carries one report with a fresh UUID.
 */
export interface Ledger {
  /** id → the request body, for a resend with the same id. */
  bodies: Map<string, { body: string; token: string | null }>;
  /** Answered 2xx and listed as accepted or duplicate. */
  stored: Set<string>;
  /** Answered 503 (or 429): the client must send it again. */
  deferred: Set<string>;
  /** Answered anything else. */
  refused: Map<string, number>;
}

export function newLedger(): Ledger {
  return { bodies: new Map(), stored: new Set(), deferred: new Set(), refused: new Map() };
}

export interface LevelResult {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  /** The 10th percentile of the per-second rates: what was sustained. */
  sustained: number;
  p50: number;
  p99: number;
  ok: number;
  status503: number;
  otherStatus: number;
  /** Connection errors and timeouts (autocannon's `errors`, which include `timeouts`). */
  errors: number;
  timeouts: number;
  retryAfterSeen: boolean;
}

/** Drives the report receiver with `connections` keep-alive connections for `seconds`. */
export async function driveReports(target: LoadTarget, ledger: Ledger, connections: number, seconds: number): Promise<LevelResult> {
  let n = ledger.bodies.size;
  let retryAfterSeen = false;
  const result = await autocannon({
    url: target.origin,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: target.reportPath,
        setupRequest: (request, context) => {
          const id = crypto.randomUUID();
          const person = target.people[n % target.people.length]!;
          const body = JSON.stringify({ reports: [loadReport(id, n++, person)] });
          ledger.bodies.set(id, { body, token: person.token });
          (context as { id?: string }).id = id;
          return {
            ...request,
            body,
            headers: {
              ...request.headers,
              'content-type': 'application/json',
              ...(person.token ? { authorization: `Bearer ${person.token}` } : {}),
            },
          };
        },
        onResponse: (status, body, context, headers) => {
          const id = (context as { id: string }).id;
          if (status >= 200 && status < 300) {
            const answer = JSON.parse(body) as { accepted?: string[]; duplicate?: string[] };
            if (answer.accepted?.includes(id) || answer.duplicate?.includes(id)) ledger.stored.add(id);
            else ledger.refused.set(id, status);
          } else if (status === 503 || status === 429) {
            ledger.deferred.add(id);
            if (headers?.['retry-after'] ?? headers?.['Retry-After']) retryAfterSeen = true;
          } else {
            ledger.refused.set(id, status);
          }
        },
      },
    ],
  });
  const statuses = result.statusCodeStats as Record<string, { count: number }>;
  const count = (code: number) => statuses[String(code)]?.count ?? 0;
  const ok = result['2xx'];
  return {
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    perSecond: result.requests.average,
    sustained: result.requests.p10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    status503: count(503) + count(429),
    otherStatus: result.non2xx - count(503) - count(429),
    errors: result.errors,
    timeouts: result.timeouts,
    retryAfterSeen,
  };
}

/**
 * Sends again, as the extension's outbox would, every report that was deferred (503)
 * or never answered (timeout, connection cut, end of the run): up to 100 a request,
 * honouring Retry-After (capped at 5 s here), until each is stored or `deadlineMs` passes.
 */
export async function resendUnsettled(target: LoadTarget, ledger: Ledger, deadlineMs = 120_000): Promise<{ resent: number; rounds: number }> {
  const unsettled = () => [...ledger.bodies.keys()].filter((id) => !ledger.stored.has(id) && !ledger.refused.has(id));
  const first = unsettled();
  const deadline = Date.now() + deadlineMs;
  let rounds = 0;
  for (let pending = first; pending.length > 0 && Date.now() < deadline; pending = unsettled()) {
    rounds++;
    let wait = 0;
    const byToken = new Map<string | null, string[]>();
    for (const id of pending) {
      const token = ledger.bodies.get(id)!.token;
      byToken.set(token, [...(byToken.get(token) ?? []), id]);
    }
    for (const [token, ids] of byToken) {
      for (let i = 0; i < ids.length; i += 100) {
        const batch = ids.slice(i, i + 100);
        const reports = batch.map((id) => (JSON.parse(ledger.bodies.get(id)!.body) as { reports: unknown[] }).reports[0]);
        const response = await fetch(new URL(target.reportPath, target.origin), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ reports }),
          signal: AbortSignal.timeout(10_000),
        }).catch(() => null);
        if (response?.ok) {
          const answer = (await response.json()) as { accepted: string[]; duplicate: string[]; rejected: { id: string }[] };
          for (const id of [...answer.accepted, ...answer.duplicate]) ledger.stored.add(id);
          for (const { id } of answer.rejected) ledger.refused.set(id, response.status);
        } else if (response) {
          await response.body?.cancel();
          wait = Math.max(wait, Math.min(5, Number(response.headers.get('retry-after')) || 1));
        } else {
          wait = Math.max(wait, 1);
        }
      }
    }
    // eslint-disable-next-line no-restricted-syntax -- the client honours Retry-After, as Siar's outbox does: the wait is the protocol's, not a guess
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  }
  return { resent: first.length, rounds };
}

export interface LedgerCheck {
  sent: number;
  rows: number;
  /** 2xx'd ids missing from the database: lost after being accepted. */
  lost: string[];
  /** Ids stored more than once. */
  doubled: string[];
  /** Ids in the database that this run never sent. */
  strangers: number;
  /** Sent ids that were neither stored nor refused by the end of the resends. */
  unsettled: number;
  deferredThenStored: number;
}

/** Compares the ledger with what the database holds: every accepted id once, nothing twice. */
export function checkLedger(ledger: Ledger, stored: Map<string, number>): LedgerCheck {
  const lost = [...ledger.stored].filter((id) => !stored.has(id));
  const doubled = [...stored].filter(([, n]) => n > 1).map(([id]) => id);
  let strangers = 0;
  let rows = 0;
  for (const [id, n] of stored) {
    rows += n;
    if (!ledger.bodies.has(id)) strangers++;
  }
  const unsettled = [...ledger.bodies.keys()].filter((id) => !ledger.stored.has(id) && !ledger.refused.has(id)).length;
  const deferredThenStored = [...ledger.deferred].filter((id) => stored.get(id) === 1).length;
  return { sent: ledger.bodies.size, rows, lost, doubled, strangers, unsettled, deferredThenStored };
}
