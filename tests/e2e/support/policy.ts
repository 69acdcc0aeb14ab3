import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from './paths';

/** Chromium's managed policy directory (Debian's build reads /etc/chromium). */
export const POLICY_DIR = process.env.SIAR_POLICY_DIR ?? '/etc/chromium/policies/managed';
// One file per parallel worker, each naming its worker's own extension id.
const POLICY_FILE = join(POLICY_DIR, `siar-e2e-${process.env.TEST_PARALLEL_INDEX ?? 0}.json`);

export function canWritePolicy(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

let writes = 0;
/** How many times this worker wrote or removed its policy file (a browser launched before saw another). */
export function policyWrites(): number {
  return writes;
}

/** docs/protocol.md §4 configuration for Siar, as an administrator would deploy it. */
export function writeSiarPolicy(policy: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writes++;
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2));
}

export function clearSiarPolicy(): void {
  writes++;
  rmSync(POLICY_FILE, { force: true });
}
