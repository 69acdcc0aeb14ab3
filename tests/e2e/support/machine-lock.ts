import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Managed policy is one directory for the whole machine, so two e2e runs at once
 * (two checkouts, a developer and a CI job) would subscribe each other's browsers.
 * This lock makes the second run wait. A lock whose process is gone is taken over.
 */
const LOCK_DIR = '/tmp/siar-e2e.lock';
/** Firefox's policy file is another one: the Firefox suite may run beside the Chromium suite. */
export const FIREFOX_LOCK_DIR = '/tmp/siar-e2e-firefox.lock';

function ownerAlive(lockDir: string): boolean {
  try {
    const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function acquireMachineLock(lockDir = LOCK_DIR, timeoutMs = 30 * 60_000): Promise<() => void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      // Timings of a run that waited are only fair without the wait: say how long it was.
      if (announced) console.log(`Got ${lockDir} after waiting ${Math.round((Date.now() - started) / 1000)} s.`);
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch {
      if (!ownerAlive(lockDir)) {
        // Either a crashed run, or the owner has not written its pid yet: give it a moment.
        // eslint-disable-next-line no-restricted-syntax -- a retry delay: another process holds the lock, there is no event to wait on
        await new Promise((r) => setTimeout(r, 500));
        if (!ownerAlive(lockDir)) rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Another e2e run holds ${lockDir} for too long.`);
      if (!announced) console.log(`Waiting for another Siar e2e run on this machine (${lockDir})…`);
      announced = true;
      // eslint-disable-next-line no-restricted-syntax -- a retry delay: another process holds the lock, there is no event to wait on
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
