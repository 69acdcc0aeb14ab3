import type { SiteHealthState } from './site-check';
import { dayOf, failingSteps } from './site-check';
import type { PlatformId } from '../share/platforms';

/**
 * The office's copy of the site check (docs/protocol.md §7.1): every few hours, and at once
 * when a step starts or stops failing, the days' counters go to each report receiver that advertises support at
 * `GET <origin>/.well-known/siar` with `{ "site_health_url": "<same-origin URL>" }`.
 * Counters only: no text, no links, no reporter. The token goes only to its own origin
 * (PROTOCOL §3.3).
 */

export const WELL_KNOWN_PATH = '/.well-known/siar';
const TIMEOUT_MS = 10_000;

export interface HealthReceiver {
  origin: string;
  /** The report token that belongs to this origin, or '' (then no Authorization at all). */
  token: string;
}

export interface SiteHealthBody {
  client: { name: 'siar'; version: string };
  days: { day: string; version: string; sites: SiteHealthState['days'][string][string] }[];
  failing: { platform: PlatformId; step: string; since: string }[];
}

/**
 * The days after `after` (YYYY-MM-DD) up to today (today's counts so far: a later send of the
 * same day replaces them at the office), and the steps failing now.
 */
export function buildSiteHealthBody(state: SiteHealthState, version: string, after: string, now: Date): SiteHealthBody | null {
  const today = dayOf(now);
  const days = Object.entries(state.days)
    .filter(([day]) => day > after && day <= today)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([day, versions]) => Object.entries(versions).map(([v, sites]) => ({ day, version: v, sites })));
  if (days.length === 0) return null;
  const failing = (Object.keys(state.versions[version] ?? {}) as PlatformId[]).flatMap((platform) =>
    failingSteps(state, version, platform).map((step) => ({ platform, step, since: state.versions[version]![platform]![step]!.failingSince ?? '' })),
  );
  return { client: { name: 'siar', version }, days, failing };
}

/** Where the receiver at `origin` takes the site check, if it says so (same origin only). */
export async function discoverSiteHealthUrl(origin: string, doFetch: typeof fetch = fetch): Promise<string | null> {
  try {
    const response = await doFetch(`${origin}${WELL_KNOWN_PATH}`, { credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return null;
    const value = ((await response.json()) as { site_health_url?: unknown }).site_health_url;
    if (typeof value !== 'string') return null;
    const url = new URL(value, origin);
    return url.origin === origin ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Sends what each receiver has not had yet, and today so far; returns the new "sent until"
 * (last finished) day per origin, unchanged where the receiver did not take it: tried again next time.
 */
export async function sendSiteHealth(
  state: SiteHealthState,
  receivers: readonly HealthReceiver[],
  version: string,
  now: Date,
  doFetch: typeof fetch = fetch,
): Promise<Record<string, string>> {
  const sentUntil = { ...state.sentUntil };
  for (const { origin, token } of receivers) {
    const body = buildSiteHealthBody(state, version, sentUntil[origin] ?? '', now);
    if (!body) continue;
    const url = await discoverSiteHealthUrl(origin, doFetch);
    if (!url) continue;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      const response = await doFetch(url, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
      await response.body?.cancel().catch(() => undefined);
      // Only finished days count as sent: today goes again, with its later counts.
      const finished = body.days.filter((day) => day.day < dayOf(now));
      if (response.ok && finished.length > 0) sentUntil[origin] = finished[finished.length - 1]!.day;
    } catch {
      // Network trouble: the same days go next time.
    }
  }
  return sentUntil;
}
