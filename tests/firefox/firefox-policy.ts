import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Firefox reads enterprise policy once, at start-up, from `policies.json`. On Linux the system
 * file `/etc/firefox/policies/policies.json` wins (Debian's firefox-esr 153 reads this one, not
 * /etc/firefox-esr/); the `distribution/` folder of the installation is the other place.
 * Extension configuration goes under `3rdparty.Extensions.<add-on id>` (capital E).
 */
export const FIREFOX_POLICY_FILE = process.env.SIAR_FIREFOX_POLICY_FILE ?? '/etc/firefox/policies/policies.json';

export function writeFirefoxPolicy(addonId: string, policy: Record<string, unknown>): void {
  mkdirSync(join(FIREFOX_POLICY_FILE, '..'), { recursive: true });
  writeFileSync(FIREFOX_POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [addonId]: policy } } } }, null, 2));
}

export function clearFirefoxPolicy(): void {
  rmSync(FIREFOX_POLICY_FILE, { force: true });
}
