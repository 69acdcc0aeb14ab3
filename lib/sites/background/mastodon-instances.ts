import { readPolicy } from '../../config';
import type { ManagedPolicy } from '../../policy';
import { userSettings, type UserSettings } from '../../storage';

/** `https://mastodon.example/` or `mastodon.example` → `https://mastodon.example`; null when not an https origin. */
export function instanceOrigin(value: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    return url.protocol === 'https:' && !url.username && !url.password ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The instances whose composer Siar serves (PROTOCOL §4): the user's own first
 * (their account is there, so share pages open there), then the policy's.
 */
export function mastodonOrigins(settings: Pick<UserSettings, 'mastodonInstances'>, policy: Pick<ManagedPolicy, 'mastodonInstances'>): string[] {
  const origins = [...settings.mastodonInstances, ...policy.mastodonInstances].flatMap((value) => instanceOrigin(value) ?? []);
  return [...new Set(origins)];
}

export async function loadMastodonOrigins(policy?: ManagedPolicy): Promise<string[]> {
  const [managed, settings] = await Promise.all([policy ?? readPolicy(), userSettings.getValue()]);
  return mastodonOrigins(settings, managed);
}
