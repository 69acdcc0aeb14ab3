import type { MessageKey } from '../i18n';

/** The sentences Siar's UI on social sites uses; the background sends them translated. */
export const SITE_TEXT_KEYS = [
  'siteAskSent',
  'siteClose',
  'siteConfirmed',
  'siteEmpty',
  'siteImageFailed',
  'siteImageInserted',
  'siteInsert',
  'siteInsertFailed',
  'siteInsertFailedNoCopy',
  'siteInserted',
  'siteInsertedWithImage',
  'siteItemGone',
  'siteLauncherLabel',
  'siteNoComposer',
  'siteNotYet',
  'siteOutdated',
  'sitePanelTitle',
  'sitePublished',
  'siteQueued',
  'siteRecordFailed',
  'siteUnavailable',
  'siteYesSent',
] as const satisfies readonly MessageKey[];

export type SiteTextKey = (typeof SITE_TEXT_KEYS)[number];
