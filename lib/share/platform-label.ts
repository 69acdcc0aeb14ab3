import type { Translate } from '../i18n';
import { PLATFORM_NAMES, isPlatformId } from './platforms';

/** A platform's name as the user reads it: brand names as they are, "other" from _locales. */
export function platformLabel(platform: string, t: Translate): string {
  if (platform === 'other') return t('platformOther');
  return isPlatformId(platform) ? PLATFORM_NAMES[platform] : platform;
}
