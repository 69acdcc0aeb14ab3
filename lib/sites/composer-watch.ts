/**
 * Calls `check` when the page may have opened or closed a composer, cheaply enough
 * for a timeline that streams thousands of posts:
 * - a MutationObserver (child lists only) that merely schedules one check per
 *   `throttleMs`;
 * - the observer is connected only while the page is "active" (just loaded or
 *   navigated, or the user clicked, typed or focused something) and disconnected
 *   after `idleMs` without such activity, and whenever the tab is hidden;
 * - a slow heartbeat covers what happens while idle (a composer that a script opens).
 */
export interface ComposerWatchOptions {
  check(): void;
  signal: AbortSignal;
  throttleMs?: number;
  idleMs?: number;
  heartbeatMs?: number;
}

export function watchComposers({ check, signal, throttleMs = 250, idleMs = 4000, heartbeatMs = 2000 }: ComposerWatchOptions): () => void {
  let scheduled: ReturnType<typeof setTimeout> | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let observing = false;

  const runCheck = () => {
    scheduled = null;
    if (!signal.aborted) check();
  };
  const schedule = () => {
    if (scheduled === null) scheduled = setTimeout(runCheck, throttleMs);
  };
  const observer = new MutationObserver(schedule);
  const disconnect = () => {
    if (observing) observer.disconnect();
    observing = false;
  };
  const wake = () => {
    if (signal.aborted || document.hidden) return;
    schedule();
    if (!observing) {
      observer.observe(document.documentElement, { childList: true, subtree: true });
      observing = true;
    }
    if (idleTimer !== null) clearTimeout(idleTimer);
    idleTimer = setTimeout(disconnect, idleMs);
  };
  const heartbeat = setInterval(() => !document.hidden && schedule(), heartbeatMs);

  const options = { capture: true, passive: true, signal };
  for (const type of ['click', 'keydown', 'focusin', 'popstate']) window.addEventListener(type, wake, options);
  document.addEventListener('visibilitychange', () => (document.hidden ? disconnect() : wake()), { signal });
  const stop = () => {
    disconnect();
    clearInterval(heartbeat);
    if (scheduled !== null) clearTimeout(scheduled);
    if (idleTimer !== null) clearTimeout(idleTimer);
  };
  signal.addEventListener('abort', stop);
  wake();
  return wake;
}
