import { onShadowRoot, openShadowRoots } from '../shadow-roots';

/**
 * Calls `check` when the page may have opened or closed a composer, cheaply enough
 * for a timeline that streams thousands of posts (tests/bench/sites.bench.ts):
 * - a MutationObserver (child lists only) on the document and on every open shadow
 *   root Siar found (composers live in them: LinkedIn's `#interop-outlet`); its
 *   records are never read: a batch of mutations schedules one check, at most one
 *   per `throttleMs`, run in an idle period (or the next frame where there is none);
 * - the observer is connected only after the user acted (clicked, typed, focused,
 *   navigated: what opens composers) and disconnected after `idleMs` without such
 *   activity, and whenever the tab is hidden: a timeline streaming in on its own
 *   never has it connected;
 * - a slow heartbeat covers the rest (a composer rendered late after load, one that
 *   a script opens);
 * - `check` learns whether the user acted, so that it can skip the full search for
 *   composers while the one it knows is still there and only the timeline moved;
 * - checks run in idle periods, where the page's layout is clean: a check reads the
 *   composer's boxes (`isShown`), and doing that between two of the page's own DOM
 *   updates would force an extra layout of the whole timeline. Where no idle period
 *   comes within `IDLE_TIMEOUT_MS`, the check runs right after the next frame;
 * - the first check is one of these too (none at `DOMContentLoaded`, while the page
 *   is still building its DOM).
 */
export interface ComposerWatchOptions {
  /** `userActed`: the user clicked, typed, focused or navigated since the last check. */
  check(userActed: boolean): void;
  signal: AbortSignal;
  throttleMs?: number;
  idleMs?: number;
  heartbeatMs?: number;
}

const OBSERVED = { childList: true, subtree: true };

const IDLE_TIMEOUT_MS = 1000;

/** Just after the next frame was drawn (its layout is still clean then). */
function afterFrame(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback((deadline) => (deadline.didTimeout ? afterFrame(run) : run()), { timeout: IDLE_TIMEOUT_MS });
  else afterFrame(run);
}

export function watchComposers({ check, signal, throttleMs = 250, idleMs = 4000, heartbeatMs = 1500 }: ComposerWatchOptions): void {
  let scheduled: ReturnType<typeof setTimeout> | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let observing = false;
  // The first check (scheduled below) searches as a heartbeat does: the user has not acted yet.
  let userActed = false;

  const runCheck = () => {
    const acted = userActed;
    userActed = false;
    scheduled = null;
    if (!signal.aborted) check(acted);
  };
  const schedule = () => {
    if (scheduled === null) scheduled = setTimeout(() => whenIdle(runCheck), throttleMs);
  };
  const observer = new MutationObserver(schedule);
  const observeRoot = (root: ShadowRoot) => observing && observer.observe(root, OBSERVED);
  const disconnect = () => {
    if (observing) observer.disconnect();
    observing = false;
  };
  const wake = () => {
    if (signal.aborted || document.hidden) return;
    userActed = true;
    schedule();
    if (!observing) {
      observing = true;
      observer.observe(document.documentElement, OBSERVED);
      for (const root of openShadowRoots(document)) observeRoot(root);
    }
    if (idleTimer !== null) clearTimeout(idleTimer);
    idleTimer = setTimeout(disconnect, idleMs);
  };
  const forgetRoots = onShadowRoot(observeRoot);
  const heartbeat = setInterval(() => !document.hidden && schedule(), heartbeatMs);

  const options = { capture: true, passive: true, signal };
  for (const type of ['click', 'keydown', 'focusin', 'popstate']) window.addEventListener(type, wake, options);
  document.addEventListener('visibilitychange', () => (document.hidden ? disconnect() : wake()), { signal });
  window.addEventListener('load', schedule, { once: true, signal });
  const stop = () => {
    disconnect();
    forgetRoots();
    clearInterval(heartbeat);
    if (scheduled !== null) clearTimeout(scheduled);
    if (idleTimer !== null) clearTimeout(idleTimer);
  };
  signal.addEventListener('abort', stop);
  schedule();
}
