import type { SkipReason } from '@/lib/feed/types';
import type { Translate } from '@/lib/i18n';

/** "3 posts were skipped as invalid: 2 had no readable id; 1 had a date that could not be read." */
export function skipSentence(t: Translate, reasons: Partial<Record<SkipReason, number>> | undefined, skipped: number): string {
  const parts = Object.entries(reasons ?? {})
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([reason, count]) => t(`feedSkip_${reason as SkipReason}`, count ?? 0));
  return parts.length > 0 ? t('feedSkippedBecause', skipped, parts.join('; ')) : t('feedSkipped', skipped);
}
