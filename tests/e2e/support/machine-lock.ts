import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Managed policy is one directory for the whole machine, so two e2e runs at once
 * (two checkouts, a developer and a CI job) would subscribe each other's browsers.
 * This lock makes the second run wait. A lock whose process is gone is taken over.
 */
const LOCK_DIR = '/tmp/siar-e2e.lock';
const OWNER = join(LOCK_DIR, 'pid');

function ownerAlive(): boolean {
  try {
    const pid = Number(readFileSync(OWNER, 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function acquireMachineLock(timeoutMs = 30 * 60_000): Promise<() => void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(OWNER, String(process.pid));
      // Timings of a run that waited are only fair without the wait: say how long it was.
      if (announced) console.log(`Got ${LOCK_DIR} after waiting ${Math.round((Date.now() - started) / 1000)} s.`);
      return () => rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch {
      if (!ownerAlive()) {
        // Either a crashed run, or the owner has not written its pid yet: give it a moment.
        // eslint-disable-next-line no-restricted-syntax -- a retry delay: another process holds the lock, there is no event to wait on
        await new Promise((r) => setTimeout(r, 500));
        if (!ownerAlive()) rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Another e2e run holds ${LOCK_DIR} for too long.`);
      if (!announced) console.log(`Waiting for another Siar e2e run on this machine (${LOCK_DIR})…`);
      announced = true;
      // eslint-disable-next-line no-restricted-syntax -- a retry delay: another process holds the lock, there is no event to wait on
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
