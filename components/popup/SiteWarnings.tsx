import { PLATFORM_NAMES } from '@/lib/share/platforms';
import { outdatedSites } from '@/lib/sites/site-check';
import { useI18n } from '../i18n';
import { browser } from 'wxt/browser';
import { usePopupStore } from './popup-store';

/** "Siar on LinkedIn may be out of date": the item cards' Copy and share page stay one click away. */
export function SiteWarnings() {
  const { t } = useI18n();
  const health = usePopupStore((state) => state.siteHealth);
  const version = browser.runtime.getManifest().version;
  const sites = outdatedSites(health, version);
  if (sites.length === 0) return null;
  return (
    <div className="site-warnings">
      {sites.map((platform) => (
        <p key={platform} className="feed-status feed-status--error" role="status" data-siar-site-warning={platform}>
          {t('popupSiteOutdated', PLATFORM_NAMES[platform])}
        </p>
      ))}
    </div>
  );
}
