import type { ReactNode } from 'react';
import { SharesChart } from '../../components/history/SharesChart';
import { I18nProvider } from '../../components/i18n';
import { PLATFORM_NAMES, isPlatformId } from '../../lib/share/platforms';
import type { Problem } from '../problems';
import type { DateRange } from '../stats/date-range';
import { formatRate, overallRate } from '../stats/participation';
import type { Summary } from '../stats/summary-data';
import type { DayCount } from '../stats/trend';
import { Problems, useLanguage } from './posts/bits';

/** `/dashboard`: who shared over a range, which unit is behind (by rate), the trend, shares by post, platform and person, and the latest shares with their links. */

const safeLink = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);
const platformName = (id: string) => (isPlatformId(id) ? PLATFORM_NAMES[id] : id);

export function SummaryPage({ range, summary, trend, today, problems }: { range: DateRange; summary: Summary; trend: DayCount[]; today: string; problems: Problem[] }) {
  const rate = overallRate(summary.participation);
  const { lang, t } = useLanguage();
  const caption = t('dash.chart', { from: range.from, to: range.to });
  return (
    <>
      <h1>
        {t('dash.heading')}
      </h1>
      <form method="get" action="/dashboard" className="actions" aria-label={t('dash.range')}>
        <label>
          {t('dash.from')} <input type="date" name="from" defaultValue={range.from} />
        </label>
        <label>
          {t('dash.to')} <input type="date" name="to" defaultValue={range.to} />
        </label>
        <button type="submit">
          {t('dash.show')}
        </button>
        <a className="button primary" href={`/dashboard.csv?from=${range.from}&to=${range.to}`}>
          {t('dash.export')}
        </a>
        <a className="button" href={`/dashboard.csv?from=${range.from}&to=${range.to}&sep=comma`}>
          CSV (,)
        </a>
      </form>
      <Problems problems={problems} kind="error" title="dash.badRange" />
      <div className="totals">
        {(
          [
            ['rate', formatRate(rate, lang), t('dash.participation')],
            ['sharers', summary.sharers, t('dash.sharers')],
            ['shares', summary.shares, t('dash.shares')],
            ['verified', summary.shares - summary.unverified, t('dash.verified')],
            ['unverified', summary.unverified, t('word.unverified')],
          ] as const
        ).map(([key, value, label]) => (
          <div className="total" key={key}>
            <strong data-total={key}>{value}</strong>
            {label}
          </div>
        ))}
      </div>
      <I18nProvider language={lang}>
        <SharesChart days={trend.map((d) => ({ date: d.date, count: d.shares }))} caption={caption} lastIsToday={range.to === today} />
      </I18nProvider>
      <div className="grid">
        <section data-section="participation">
          <h2>
            {t('dash.perUnit')}
          </h2>
          <p className="muted">
            {t('dash.perUnitWhy')}
          </p>
          <table data-table-on-phone>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Unit</th>
                <th scope="col">
                  {t('dash.rate')}
                </th>
                <th scope="col">
                  {t('dash.sharedEnrolled')}
                </th>
                <th scope="col">
                  {t('dash.sharesColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.participation.map((row) => (
                <tr key={row.unit} data-unit={row.unit} data-rate={row.rate ?? ''}>
                  <td>{row.rank}</td>
                  <td>{row.unit}</td>
                  <td>
                    <strong>{formatRate(row.rate, lang)}</strong>
                    <div className="bar" aria-hidden="true">
                      <span style={{ width: `${Math.round((row.rate ?? 0) * 100)}%` }} />
                    </div>
                  </td>
                  <td>
                    {row.sharers} / {row.enrolled}
                  </td>
                  <td>{row.shares}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.unverifiedByUnit.length > 0 ? (
            <>
              <h3>
                {t('dash.unverifiedByUnit')}
              </h3>
              <p className="muted">
                {t('dash.unverifiedWhy')}
              </p>
              <CountTable rows={summary.unverifiedByUnit} rowKey={(row) => row.unit} rowAttributes={(row) => ({ 'data-unverified-unit': row.unit })} label={(row) => row.unit || '—'} count={(row) => <strong>{row.shares}</strong>} />
            </>
          ) : null}
        </section>
        <div>
          <section data-section="platforms">
            <h2>{t('dash.perPlatform')}</h2>
            <CountTable rows={summary.byPlatform} rowKey={(row) => row.platform} label={(row) => platformName(row.platform)} count={(row) => <strong>{row.shares}</strong>} />
          </section>
          <section data-section="people">
            <h2>
              {t('dash.perPerson')}
            </h2>
            <CountTable
              rows={summary.byPerson}
              rowKey={(row) => row.nip}
              rowAttributes={(row) => ({ 'data-person': row.nip })}
              label={(row) => (
                <>
                  {row.name}
                  <br />
                  <small>
                    {row.nip} · {row.unit}
                  </small>
                </>
              )}
              count={(row) => <strong>{row.shares}</strong>}
            />
          </section>
        </div>
      </div>
      <section data-section="posts">
        <h2>
          {t('dash.perPost')}
        </h2>
        <CountTable
          rows={summary.byPost}
          rowKey={(row) => row.item_id}
          label={(row) => (
            <>
              {safeLink(row.item_url) ? <a href={safeLink(row.item_url)!}>{row.title ?? row.item_id}</a> : (row.title ?? row.item_id)}
              {row.title ? (
                <>
                  <br />
                  <small>{row.item_id}</small>
                </>
              ) : null}
            </>
          )}
          count={(row) => (
            <>
              <span data-shares={row.shares}>{t('dash.sharedBy', { shares: row.shares, sharers: row.sharers })}</span>
              {row.unverified > 0 ? (
                <>
                  {' '}
                  <small data-unverified={row.unverified}>
                    ({t('dash.unverifiedCount', { n: row.unverified })})
                  </small>
                </>
              ) : null}
            </>
          )}
        />
      </section>
      <section data-section="list">
        <h2>
          {t('dash.latest')}
        </h2>
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">
                {t('dash.time')}
              </th>
              <th scope="col">
                {t('dash.person')}
              </th>
              <th scope="col">
                {t('dash.post')}
              </th>
              <th scope="col">Platform</th>
              <th scope="col">
                {t('dash.link')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.list.map((row) => (
              <tr key={row.id} data-verified={row.verified}>
                <td>{row.shared_at.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  {row.name} <small>({row.unit})</small>
                  {row.verified ? null : (
                    <>
                      {' '}
                      <span className="badge">{t('word.unverified')}</span>
                    </>
                  )}
                </td>
                <td>{safeLink(row.item_url) ? <a href={safeLink(row.item_url)!}>{row.item_id}</a> : row.item_id}</td>
                <td>{platformName(row.platform)}</td>
                <td>{safeLink(row.post_url) ? <a href={safeLink(row.post_url)!}>{t('dash.open')}</a> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** A two-column table of counts: what was counted, and how many (per platform, person, post). */
function CountTable<Row>({
  rows,
  rowKey,
  rowAttributes,
  label,
  count,
}: {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowAttributes?: (row: Row) => Record<string, string>;
  label: (row: Row) => ReactNode;
  count: (row: Row) => ReactNode;
}) {
  return (
    <table>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowAttributes?.(row)}>
            <td>{label(row)}</td>
            <td>{count(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
