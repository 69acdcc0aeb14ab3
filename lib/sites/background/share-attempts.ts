import { browser } from 'wxt/browser';
import { createSerialQueue } from '../../serial';
import { shareAttempts, type ShareAttempt } from '../../storage';

/**
 * The background's record of posts started but not yet seen to go out (issue 12: no
 * share lost between Post and the outbox). One per tab; a new Post click replaces it.
 */

/** An attempt is asked about in the popup once its tab closed, or after this long. */
export const ATTEMPT_QUESTION_AFTER_MS = 2 * 60 * 1000;
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const serially = createSerialQueue();

export function keepAttempt(attempt: ShareAttempt): Promise<void> {
  return serially(async () => {
    const all = await shareAttempts.getValue();
    await shareAttempts.setValue({ ...all, [String(attempt.tabId)]: attempt });
  });
}

export async function attemptOfTab(tabId: number): Promise<ShareAttempt | null> {
  return (await shareAttempts.getValue())[String(tabId)] ?? null;
}

/** Removes the attempt (its share is recorded, or the user said it did not go out). */
export function dropAttempt(match: (attempt: ShareAttempt) => boolean): Promise<ShareAttempt | null> {
  return serially(async () => {
    const all = await shareAttempts.getValue();
    const entry = Object.entries(all).find(([, attempt]) => match(attempt));
    if (!entry) return null;
    const { [entry[0]]: gone, ...rest } = all;
    await shareAttempts.setValue(rest);
    return gone ?? null;
  });
}

/** The tab closed before the site confirmed the post: the popup asks about it now. */
export function markTabClosed(tabId: number): Promise<void> {
  return serially(async () => {
    const all = await shareAttempts.getValue();
    const attempt = all[String(tabId)];
    if (!attempt) return;
    // Tab ids are reused in a later session: key the closed attempt by its own id.
    const { [String(tabId)]: _open, ...rest } = all;
    await shareAttempts.setValue({ ...rest, [`closed:${attempt.id}`]: { ...attempt, tabClosed: true } });
  });
}

/** The attempts the popup asks "did this post go out?" about. */
export function unfinishedAttempts(all: Record<string, ShareAttempt>, now = Date.now()): ShareAttempt[] {
  return Object.values(all)
    .filter((attempt) => now - attempt.at < MAX_AGE_MS && (attempt.tabClosed || now - attempt.at >= ATTEMPT_QUESTION_AFTER_MS))
    .sort((a, b) => b.at - a.at);
}

/** The worker started (maybe after a browser restart): attempts whose tab is gone are asked about now. */
export async function closeAttemptsOfGoneTabs(): Promise<void> {
  for (const attempt of Object.values(await shareAttempts.getValue())) {
    if (attempt.tabClosed) continue;
    const open = await browser.tabs.get(attempt.tabId).then(
      () => true,
      () => false,
    );
    if (!open) await markTabClosed(attempt.tabId);
  }
}
