export const MIN_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 6 * 60 * 60 * 1000;

/**
 * docs/protocol.md §3.5: exponential from 30 s to 6 h, with jitter so that a thousand
 * clients that failed together do not all come back in the same second.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(MIN_RETRY_MS, Math.round(ceiling / 2 + random() * (ceiling / 2)));
}
