import { browser } from 'wxt/browser';
import { loadIdentity } from '../config';
import type { ShareResult } from '../messaging';
import { makeShareRecord } from '../reports/make-share';
import { recordShare } from '../reports/outbox-service';
import { dropAttempt } from '../sites/background/share-attempts';
import { shareAttempts } from '../storage';
import { findSharable } from './find-item';

/**
 * The popup's "did this post go out?" about a post never seen to complete (issue 12).
 * Yes reports it once, as `confirmed` with the caption's method, under the attempt's own
 * id; No forgets it. The one rule applies: an item out of its window is not reported.
 */
export async function answerAttempt({ attemptId, wentOut }: { attemptId: string; wentOut: boolean }): Promise<ShareResult | { ok: true; shareId: null }> {
  const attempt = Object.values(await shareAttempts.getValue()).find((a) => a.id === attemptId);
  if (!attempt) return { ok: false, error: 'unknown_item' };
  if (!wentOut) {
    await dropAttempt((a) => a.id === attemptId);
    return { ok: true, shareId: null };
  }
  const { found, error } = await findSharable(attempt, attempt.platform);
  if (!found) {
    await dropAttempt((a) => a.id === attemptId);
    return { ok: false, error };
  }
  const { reporter } = await loadIdentity();
  const record = makeShareRecord({
    shown: found.shown,
    signatureVerified: found.signatureVerified,
    platform: attempt.platform,
    status: 'confirmed',
    method: attempt.method,
    postUrl: null,
    reporter,
    clientVersion: browser.runtime.getManifest().version,
    now: new Date(),
    id: attempt.id,
  });
  // Written first; a second Yes (another popup) puts the same id again: one share.
  await recordShare(record);
  await dropAttempt((a) => a.id === attemptId);
  return { ok: true, shareId: record.report.id };
}
