import { readPolicy } from '../config';
import type { ManagedPolicy } from '../policy';
import { userMastodonInstances } from '../storage';

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

/** The instances whose composer Siar serves: the policy's and the user's (PROTOCOL §4). */
export async function loadMastodonOrigins(policy?: ManagedPolicy): Promise<string[]> {
  const [managed, own] = await Promise.all([policy ?? readPolicy(), userMastodonInstances.getValue()]);
  const origins = [...managed.mastodonInstances, ...own].flatMap((value) => instanceOrigin(value) ?? []);
  return [...new Set(origins)];
}
