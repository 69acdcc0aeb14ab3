import * as v from 'valibot';
import { safeUrl } from './feed/safe-url';
import { browser } from 'wxt/browser';
import type { Subscription } from './feed/types';
import type { Reporter } from './reports/types';
import type { UserSettings } from './storage';

/** What an administrator set through browser policy (docs/protocol.md §4). */
export interface ManagedPolicy {
  feeds: Subscription[];
  reporter: Partial<Reporter>;
  /** The older single token (PROTOCOL §4): its origins are decided in lib/reports/report-tokens.ts. */
  reportToken: string | null;
  /** Receiver origin → token (PROTOCOL §4 `report_tokens`), origins normalised. */
  reportTokens: Record<string, string>;
  /** The office's enrollment address (PROTOCOL §6): options then asks only for the code. */
  enrollmentUrl: string | null;
  mastodonInstances: string[];
  locked: boolean;
}

export const EMPTY_POLICY: ManagedPolicy = {
  feeds: [],
  reporter: {},
  reportToken: null,
  reportTokens: {},
  enrollmentUrl: null,
  mastodonInstances: [],
  locked: false,
};

// Browsers validate against managed_schema.json already; this guards Firefox and bad input.
const feedSchema = v.object({
  url: v.string(),
  name: v.optional(v.string()),
  public_key: v.optional(v.string()),
  report_url: v.optional(v.string()),
  timezone: v.optional(v.string()),
  hashtags: v.optional(v.array(v.string())),
});

const reporterSchema = v.partial(v.object({ id: v.string(), name: v.string(), unit: v.string() }));

function pick<T>(schema: v.GenericSchema<unknown, T>, value: unknown): T | undefined {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : undefined;
}

/** Turns whatever storage.managed holds into a policy; wrong parts are ignored. */
export function parseManagedPolicy(raw: Record<string, unknown> | null | undefined): ManagedPolicy {
  if (!raw) return EMPTY_POLICY;
  const feeds = Array.isArray(raw.feeds)
    ? raw.feeds.flatMap((feed) => {
        const parsed = pick(feedSchema, feed);
        if (!parsed) return [];
        // A report_url passes the same check as a feed URL (no http: off loopback), else it is absent.
        const { report_url: reportUrl, ...rest } = parsed;
        const safe = safeUrl(reportUrl);
        return [safe ? { ...rest, report_url: safe } : rest];
      })
    : [];
  return {
    feeds,
    reporter: pick(reporterSchema, raw.reporter) ?? {},
    reportToken: pick(v.string(), raw.report_token) ?? null,
    reportTokens: tokensByOrigin(pick(v.record(v.string(), v.string()), raw.report_tokens) ?? {}),
    enrollmentUrl: safeUrl(raw.enrollment_url),
    mastodonInstances: pick(v.array(v.string()), raw.mastodon_instances) ?? [],
    locked: raw.locked === true,
  };
}

/** Keys as origins (`https://siar.example.go.id`); keys that are no safe origin are dropped. */
function tokensByOrigin(tokens: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, token] of Object.entries(tokens)) {
    const url = safeUrl(key);
    if (url && token.trim() !== '') out[new URL(url).origin] = token.trim();
  }
  return out;
}

export interface EffectiveIdentity {
  reporter: Reporter;
}

/**
 * The reporter in force: a locked policy wins; then the office's record from enrollment
 * (PROTOCOL §6); otherwise what the user typed wins over the policy's default, field by field.
 * Tokens are per receiver origin: lib/reports/report-tokens.ts.
 */
export function effectiveIdentity(settings: UserSettings, policy: ManagedPolicy): EffectiveIdentity {
  const office = settings.enrollment?.reporter;
  const choose = (field: keyof Reporter): string => {
    const managed = policy.reporter[field];
    const user = settings.reporter[field];
    if (managed != null && policy.locked) return managed;
    if (office) return office[field];
    if (managed != null && user === '') return managed;
    return user;
  };
  return {
    reporter: {
      id: choose('id'),
      name: choose('name'),
      unit: choose('unit'),
    },
  };
}

/** Calls `onChange` whenever the administrator's policy changes; returns the unsubscribe. */
export function watchManagedPolicy(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
