import * as v from 'valibot';
import { safeUrl } from '../feed/safe-url';
import type { Subscription } from '../feed/types';
import { CLIENT_NAME } from '../reports/make-share';
import type { Reporter } from '../reports/types';
import type { ReportTokens } from '../reports/token-store';
import type { UserSettings } from '../storage';

/**
 * PROTOCOL §6: one personal code per civil servant. The person pastes the office's link
 * (`https://siar.example.go.id/daftar#<code>`), or, when policy sets `enrollment_url`,
 * only the code; Siar posts it to `<origin>/api/v1/enroll` and takes what the office answers.
 */

export const ENROLL_TIMEOUT_MS = 15_000;

export type EnrollTarget = { ok: true; origin: string; code: string } | { ok: false; error: 'bad_link' | 'no_code' };

/** The office's origin and the code, from the link (or from the code and the policy's address). */
export function parseEnrollmentInput(input: string, enrollmentUrl: string | null): EnrollTarget {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'no_code' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    const link = safeUrl(text);
    if (!link) return { ok: false, error: 'bad_link' };
    const url = new URL(link);
    const code = decodeURIComponent(url.hash.slice(1)).trim();
    if (code === '') return { ok: false, error: 'no_code' };
    return { ok: true, origin: url.origin, code };
  }
  if (!enrollmentUrl) return { ok: false, error: 'bad_link' };
  const office = safeUrl(enrollmentUrl);
  if (!office) return { ok: false, error: 'bad_link' };
  return { ok: true, origin: new URL(office).origin, code: text.replace(/^#/, '') };
}

const answerSchema = v.object({
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
  reporter: v.object({ id: v.string(), name: v.string(), unit: v.string() }),
  feeds: v.array(
    v.object({
      url: v.string(),
      public_key: v.optional(v.string()),
      report_url: v.optional(v.string()),
      name: v.optional(v.string()),
    }),
  ),
});

export interface Enrolled {
  origin: string;
  token: string;
  reporter: Reporter;
  feeds: Subscription[];
}

export type EnrollError =
  | { error: 'gone'; reason: string }
  | { error: 'network' }
  | { error: 'rate_limited' }
  | { error: 'refused'; detail: string }
  | { error: 'bad_answer' };

export type EnrollResult = ({ ok: true } & Enrolled) | ({ ok: false } & EnrollError);

export async function enroll(origin: string, code: string, clientVersion: string, doFetch: typeof fetch = fetch): Promise<EnrollResult> {
  let response: Response;
  try {
    response = await doFetch(`${origin}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, client: { name: CLIENT_NAME, version: clientVersion } }),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(ENROLL_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, error: 'network' };
  }
  const text = await response.text().catch(() => '');
  if (response.status === 410) {
    let reason = '';
    try {
      reason = String((JSON.parse(text) as { reason?: unknown }).reason ?? '');
    } catch {
      // The sentence is enough.
    }
    return { ok: false, error: 'gone', reason };
  }
  if (response.status === 429) return { ok: false, error: 'rate_limited' };
  if (response.status !== 200) return { ok: false, error: 'refused', detail: `HTTP ${response.status}` };
  let parsed: v.InferOutput<typeof answerSchema>;
  try {
    parsed = v.parse(answerSchema, JSON.parse(text));
  } catch {
    return { ok: false, error: 'bad_answer' };
  }
  // Feeds with an unsafe URL are left out; an unsafe report_url is dropped (PROTOCOL §2.4, §4).
  const feeds = parsed.feeds.flatMap((feed): Subscription[] => {
    const url = safeUrl(feed.url);
    if (!url) return [];
    const reportUrl = safeUrl(feed.report_url);
    return [{ url, ...(feed.name ? { name: feed.name } : {}), ...(feed.public_key ? { public_key: feed.public_key } : {}), ...(reportUrl ? { report_url: reportUrl } : {}) }];
  });
  return { ok: true, origin, token: parsed.token, reporter: parsed.reporter, feeds };
}

/** The settings after enrollment: the office's record of the person. */
export function settingsAfterEnrollment(settings: UserSettings, enrolled: Enrolled, now: Date): UserSettings {
  return { ...settings, enrollment: { origin: enrolled.origin, reporter: enrolled.reporter, at: now.toISOString() } };
}

/** The tokens after enrollment: the office's token for the office's origin only. */
export function tokensAfterEnrollment(tokens: ReportTokens, enrolled: Enrolled): ReportTokens {
  return { ...tokens, reportTokens: { ...tokens.reportTokens, [enrolled.origin]: enrolled.token } };
}

/** The user's subscriptions with the office's feeds added, or updated with their key and receiver. */
export function subscriptionsAfterEnrollment(current: readonly Subscription[], feeds: readonly Subscription[]): Subscription[] {
  const next = [...current];
  for (const feed of feeds) {
    const at = next.findIndex((s) => s.url === feed.url);
    if (at === -1) next.push(feed);
    else next[at] = { ...next[at]!, ...feed };
  }
  return next;
}
