import { formatDateTime } from '@/lib/i18n';
import { PLATFORM_NAMES, type PlatformId } from '@/lib/share/platforms';
import { OUTDATED_STREAK, SITE_STEPS } from '@/lib/sites/site-check';
import { useI18n } from '../i18n';
import { browser } from 'wxt/browser';
import { useOptionsStore } from './options-store';

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The site check: per site, how often each step worked with this version (counters only). */
export function SiteHealthSection() {
  const { t, language } = useI18n();
  const health = useOptionsStore((state) => state.siteHealth);
  const version = browser.runtime.getManifest().version;
  const sites = Object.entries(health.versions[version] ?? {}) as [PlatformId, NonNullable<(typeof health.versions)[string][PlatformId]>][];
  return (
    <section className="card" aria-labelledby="site-health-heading">
      <h2 id="site-health-heading">{t('optionsSiteHealthTitle')}</h2>
      <p className="hint">{t('optionsSiteHealthIntro')}</p>
      {sites.length === 0 ? (
        <p className="hint">{t('optionsSiteHealthEmpty')}</p>
      ) : (
        <table className="site-health" data-siar-site-health="">
          <thead>
            <tr>
              <th scope="col">{t('optionsSiteHealthSite')}</th>
              {SITE_STEPS.map((step) => (
                <th scope="col" key={step}>
                  {t(`siteStep_${step}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sites.map(([platform, steps]) => (
              <tr key={platform} data-siar-site-health-row={platform}>
                <th scope="row">{PLATFORM_NAMES[platform]}</th>
                {SITE_STEPS.map((step) => {
                  const count = steps[step];
                  if (!count) return <td key={step}>–</td>;
                  const failing = count.streak >= OUTDATED_STREAK && count.failingSince;
                  return (
                    <td key={step} data-step={step} className={failing ? 'failing' : undefined}>
                      {count.ok}/{count.ok + count.fail}
                      {failing ? <span className="failing-since">{t('optionsSiteHealthFailing', formatDateTime(new Date(count.failingSince!), localZone(), language))}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
