import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { Subscription } from './feed/types';
import type { Reporter } from './reports/types';
import type { UserSettings } from './storage';

/** What an administrator set through browser policy (PROTOCOL §4). */
export interface ManagedPolicy {
  feeds: Subscription[];
  reporter: Partial<Reporter>;
  reportToken: string | null;
  mastodonInstances: string[];
  locked: boolean;
}

export const EMPTY_POLICY: ManagedPolicy = {
  feeds: [],
  reporter: {},
  reportToken: null,
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
    ? raw.feeds.flatMap((feed) => pick(feedSchema, feed) ?? [])
    : [];
  return {
    feeds,
    reporter: pick(reporterSchema, raw.reporter) ?? {},
    reportToken: pick(v.string(), raw.report_token) ?? null,
    mastodonInstances: pick(v.array(v.string()), raw.mastodon_instances) ?? [],
    locked: raw.locked === true,
  };
}

export interface EffectiveIdentity {
  reporter: Reporter;
  reportToken: string;
}

/**
 * The reporter and token in force: a locked policy wins; otherwise what the user
 * typed wins over the policy's default, field by field.
 */
export function effectiveIdentity(settings: UserSettings, policy: ManagedPolicy): EffectiveIdentity {
  const choose = (user: string, managed: string | null | undefined): string => {
    if (managed != null && (policy.locked || user === '')) return managed;
    return user;
  };
  return {
    reporter: {
      id: choose(settings.reporter.id, policy.reporter.id),
      name: choose(settings.reporter.name, policy.reporter.name),
      unit: choose(settings.reporter.unit, policy.reporter.unit),
    },
    reportToken: choose(settings.reportToken, policy.reportToken),
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
